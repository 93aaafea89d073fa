package org.flowscape.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The disconnectivity graph (Becker &amp; Karplus, J. Chem. Phys. 106, 1495, 1997; Wales, Miller &amp; Walsh, Nature
 * 394, 758, 1998) as a tree: minima are leaves at their loss, and two groups of minima merge at the lowest
 * transition-state loss that joins them along verified edges (ties merge in one node, so three minima joined at one
 * height make one node with three children). Minima that no verified edge reaches stay separate roots. The
 * {@link #step energy step} is chosen from the data: the 1-2-5 number nearest to a tenth of the span from the lowest
 * minimum to the highest merge; {@link #levels} lists, at each multiple of it, the groups of minima that are mutually
 * reachable below it (the classical banded form).
 *
 * @param nodes  leaves first (node i is minimum i), then merge nodes in ascending height
 * @param roots  ids of the nodes without a parent, lowest first
 * @param step   the energy step
 * @param levels one entry per level, ascending
 */
public record DisconnectivityTree(List<Node> nodes, List<Integer> roots, double step, List<Level> levels) {

    public DisconnectivityTree {
        nodes = List.copyOf(nodes);
        roots = List.copyOf(roots);
        levels = List.copyOf(levels);
    }

    /**
     * One node.
     *
     * @param id       its position in {@link #nodes}
     * @param height   the minimum's loss (leaf) or the merge height (the joining transition state's loss)
     * @param minimum  the minimum's id for a leaf, −1 for a merge
     * @param children child node ids, lowest first (empty for a leaf)
     * @param lowest   the lowest loss of a minimum below it
     */
    public record Node(int id, double height, int minimum, List<Integer> children, double lowest) {
        public Node {
            children = List.copyOf(children);
        }
    }

    /**
     * The groups at one energy.
     *
     * @param energy the level's loss
     * @param groups minimum ids reachable from one another below {@code energy}, each ascending
     */
    public record Level(double energy, List<List<Integer>> groups) {
        public Level {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    /** Builds the tree of the database's minima and verified edges. Cost: O(E log E + N²). */
    public static DisconnectivityTree of(List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> edges) {
        int n = minima.size();
        List<Node> nodes = new ArrayList<>();
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(i, minima.get(i).loss(), i, List.of(), minima.get(i).loss()));
            top[i] = i;
        }
        Barriers.UnionFind uf = new Barriers.UnionFind(n);
        double highest = Double.NEGATIVE_INFINITY;
        List<Edge> sorted = Barriers.ascending(edges, saddles);
        for (Edge e : sorted) {
            int ra = uf.find(e.minus());
            int rb = uf.find(e.plus());
            if (ra == rb) {
                continue;
            }
            double h = saddles.get(e.ts()).loss();
            highest = Math.max(highest, h);
            List<Integer> children = new ArrayList<>();
            absorb(nodes, top[ra], h, children);
            absorb(nodes, top[rb], h, children);
            children.sort(Comparator.comparingDouble((Integer c) -> nodes.get(c).lowest()).thenComparingInt(c -> c));
            double lowest = Math.min(nodes.get(top[ra]).lowest(), nodes.get(top[rb]).lowest());
            uf.union(ra, rb);
            boolean reuse = nodes.get(top[ra]).minimum() < 0 && nodes.get(top[ra]).height() == h;
            int id = reuse ? top[ra] : nodes.size();
            Node merged = new Node(id, h, -1, children, lowest);
            if (reuse) {
                nodes.set(id, merged);
            } else {
                nodes.add(merged);
            }
            top[uf.find(ra)] = id;
        }
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (uf.find(i) == i) {
                roots.add(top[i]);
            }
        }
        roots.sort(Comparator.comparingDouble((Integer r) -> nodes.get(r).lowest()).thenComparingInt(r -> r));
        int[] map = liveMap(nodes, roots);
        List<Node> kept = renumber(nodes, map);
        List<Integer> keptRoots = roots.stream().map(r -> map[r]).toList();
        double step = step(minima, highest);
        return new DisconnectivityTree(kept, keptRoots, step, levels(minima, saddles, sorted, step, highest));
    }

    /** Adds node {@code c}'s children when it is a merge at height h (a tie), else {@code c} itself. */
    private static void absorb(List<Node> nodes, int c, double h, List<Integer> into) {
        Node x = nodes.get(c);
        if (x.minimum() < 0 && x.height() == h) {
            into.addAll(x.children());
        } else {
            into.add(c);
        }
    }

    /** New ids for the nodes reachable from the roots (merge nodes absorbed by ties are not), −1 for the rest. */
    private static int[] liveMap(List<Node> nodes, List<Integer> roots) {
        boolean[] live = new boolean[nodes.size()];
        ArrayList<Integer> stack = new ArrayList<>(roots);
        while (!stack.isEmpty()) {
            int x = stack.remove(stack.size() - 1);
            live[x] = true;
            stack.addAll(nodes.get(x).children());
        }
        int[] map = new int[nodes.size()];
        int next = 0;
        for (int i = 0; i < nodes.size(); i++) {
            map[i] = live[i] ? next++ : -1;
        }
        return map;
    }

    /** The live nodes under their new ids. */
    private static List<Node> renumber(List<Node> nodes, int[] map) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (map[i] >= 0) {
                Node x = nodes.get(i);
                List<Integer> kids = x.children().stream().map(c -> map[c]).toList();
                out.add(new Node(map[i], x.height(), x.minimum(), kids, x.lowest()));
            }
        }
        return out;
    }

    /** The 1-2-5 number nearest a tenth of the span (1 when the span is 0). */
    static double step(List<GraphPoint> minima, double highest) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GraphPoint m : minima) {
            lo = Math.min(lo, m.loss());
            hi = Math.max(hi, m.loss());
        }
        hi = Math.max(hi, highest);
        double span = hi - lo;
        if (!(span > 0)) {
            return Math.max(1e-12, Math.abs(lo) * 0.1 + (lo == 0 ? 1 : 0));
        }
        double raw = span / 10;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = decade;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (Math.abs(Math.log(m * decade / raw)) < Math.abs(Math.log(best / raw))) {
                best = m * decade;
            }
        }
        return best;
    }

    private static List<Level> levels(List<GraphPoint> minima, List<GraphPoint> saddles, List<Edge> sorted,
            double step, double highest) {
        List<Level> out = new ArrayList<>();
        if (minima.isEmpty()) {
            return out;
        }
        double lo = minima.stream().mapToDouble(GraphPoint::loss).min().getAsDouble();
        double hi = Math.max(highest, minima.stream().mapToDouble(GraphPoint::loss).max().getAsDouble());
        for (long k = (long) Math.floor(lo / step) + 1; k * step <= hi + step && out.size() < 1000; k++) {
            double energy = k * step;
            Barriers.UnionFind uf = new Barriers.UnionFind(minima.size());
            for (Edge e : sorted) {
                if (saddles.get(e.ts()).loss() < energy) {
                    uf.union(e.minus(), e.plus());
                }
            }
            List<List<Integer>> groups = new ArrayList<>();
            int[] slot = new int[minima.size()];
            java.util.Arrays.fill(slot, -1);
            for (int i = 0; i < minima.size(); i++) {
                if (minima.get(i).loss() < energy) {
                    int r = uf.find(i);
                    if (slot[r] < 0) {
                        slot[r] = groups.size();
                        groups.add(new ArrayList<>());
                    }
                    groups.get(slot[r]).add(i);
                }
            }
            out.add(new Level(energy, groups));
        }
        return out;
    }
}
