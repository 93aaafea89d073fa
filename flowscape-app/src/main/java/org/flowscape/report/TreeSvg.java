package org.flowscape.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscape.graph.DisconnectivityTree;

/**
 * Draws a disconnectivity tree as SVG: loss on the vertical axis with a grid line at every multiple of the tree's
 * energy step, minima as leaves at their loss (labelled with their ids), each group a vertical line from its own
 * height up to the height where it merges, and a horizontal bar across the children at each merge; roots run up to
 * one step above the highest merge. Leaves are ordered by a depth-first walk with the lowest child first. Written here
 * because the chart renderer ({@link SvgRenderer}) draws curves, not trees.
 */
public final class TreeSvg {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private TreeSvg() {
    }

    /** The tree as one {@code <svg>} element (an empty-tree note when it has no nodes). */
    public static RenderedFigure render(DisconnectivityTree tree) {
        if (tree.nodes().isEmpty()) {
            return new RenderedFigure("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>",
                    List.of("No minima were found, so there is no tree."));
        }
        List<Integer> leaves = new ArrayList<>();
        for (int r : tree.roots()) {
            walk(tree, r, leaves);
        }
        double[] x = new double[tree.nodes().size()];
        for (int i = 0; i < leaves.size(); i++) {
            x[leaves.get(i)] = leaves.size() == 1 ? 0.5 : i / (double) (leaves.size() - 1);
        }
        for (DisconnectivityTree.Node n : tree.nodes()) {
            place(tree, n.id(), x);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DisconnectivityTree.Node n : tree.nodes()) {
            lo = Math.min(lo, n.height());
            hi = Math.max(hi, n.height());
        }
        double top = hi + tree.step();
        double bottom = lo - 0.5 * tree.step();
        Frame f = new Frame(bottom, top);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        grid(svg, f, tree.step());
        int[] parent = parents(tree);
        for (DisconnectivityTree.Node n : tree.nodes()) {
            double upTo = parent[n.id()] < 0 ? top : tree.nodes().get(parent[n.id()]).height();
            line(svg, f.x(x[n.id()]), f.y(n.height()), f.x(x[n.id()]), f.y(upTo), "#1f4e79");
            if (!n.children().isEmpty()) {
                double a = x[n.children().get(0)];
                double b = x[n.children().get(0)];
                for (int c : n.children()) {
                    a = Math.min(a, x[c]);
                    b = Math.max(b, x[c]);
                }
                line(svg, f.x(a), f.y(n.height()), f.x(b), f.y(n.height()), "#1f4e79");
            }
            if (n.minimum() >= 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                        f.x(x[n.id()]), f.y(n.height()) + 14, n.minimum()));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">loss L</text>", HEIGHT / 2, HEIGHT / 2));
        svg.append("</svg>");
        return new RenderedFigure(svg.toString(), List.of());
    }

    private static void walk(DisconnectivityTree t, int node, List<Integer> leaves) {
        DisconnectivityTree.Node n = t.nodes().get(node);
        if (n.children().isEmpty()) {
            leaves.add(node);
        }
        for (int c : n.children()) {
            walk(t, c, leaves);
        }
    }

    private static double place(DisconnectivityTree t, int node, double[] x) {
        DisconnectivityTree.Node n = t.nodes().get(node);
        if (n.children().isEmpty()) {
            return x[node];
        }
        double s = 0;
        for (int c : n.children()) {
            s += place(t, c, x);
        }
        x[node] = s / n.children().size();
        return x[node];
    }

    private static int[] parents(DisconnectivityTree t) {
        int[] parent = new int[t.nodes().size()];
        java.util.Arrays.fill(parent, -1);
        for (DisconnectivityTree.Node n : t.nodes()) {
            for (int c : n.children()) {
                parent[c] = n.id();
            }
        }
        return parent;
    }

    private static void grid(StringBuilder svg, Frame f, double step) {
        double first = Math.ceil(f.bottom / step) * step;
        int drawn = 0;
        for (double e = first; e <= f.top + 1e-12 * Math.abs(f.top) && drawn < 200; e += step, drawn++) {
            line(svg, LEFT, f.y(e), WIDTH - RIGHT, f.y(e), "#dddddd");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, f.y(e) + 4, Numbers.sig(Math.abs(e) < 1e-12 * step ? 0 : e, 4)));
        }
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"1.6\"/>", x1, y1, x2, y2, colour));
    }

    /** Maps (position in [0, 1], loss) to pixels. */
    private record Frame(double bottom, double top) {
        double x(double u) {
            return LEFT + 20 + u * (WIDTH - LEFT - RIGHT - 40);
        }

        double y(double loss) {
            return TOP + (top - loss) / (top - bottom) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
