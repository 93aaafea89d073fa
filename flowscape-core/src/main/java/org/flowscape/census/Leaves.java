package org.flowscape.census;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.objective.Objective;

/**
 * What becomes of the boxes the branch-and-bound left at the minimum width. First each is retried on a box three times
 * as wide around it (ε-inflation): a critical point on a face between two leaves is in neither's interior, so neither
 * can certify it, but the inflated box can; the Krawczyk proof there either excludes the leaf, certifies a new point,
 * or finds a point already certified whose enclosure lies inside the inflated box (the same point, by uniqueness).
 * The rest are classified: not finite, degenerate (floating-point Hessian at the centre singular to the tolerance) or
 * too small; then grouped into connected clusters, and every member of a cluster much longer than one leaf (a chain
 * of more than {@link #CHAIN} leaf widths) is reported not isolated, as a curve of critical points leaves. The
 * classification is a diagnosis of why nothing was proved, not a proof. Cost: one Krawczyk step and one P × P
 * eigendecomposition per leaf, O(n log n + n·(neighbours)) for the clusters.
 */
final class Leaves {
    /** A cluster longer than this many of its widest leaves in some coordinate is not isolated. */
    static final double CHAIN = 8;

    /** Certifies the point Krawczyk proved unique in [lo, hi] with image [klo, khi]. */
    interface Certify {
        CertifiedPoint apply(double[] lo, double[] hi, double[] klo, double[] khi);
    }

    /**
     * @param undecided       the leaves still undecided, with reasons and clusters
     * @param points          points certified on inflated boxes
     * @param excludedVolume  volume of leaves proved free of critical points
     * @param certifiedVolume volume of leaves whose only possible critical point is a certified one
     * @param clusters        the number of clusters
     */
    record Outcome(List<UndecidedBox> undecided, List<CertifiedPoint> points, double excludedVolume,
            double certifiedVolume, int clusters) {
    }

    private Leaves() {
    }

    static Outcome resolve(Objective objective, BoxEnclosure enclosure, CensusConfig config, List<double[][]> leaves,
            List<CertifiedPoint> known, Certify certify) {
        int p = config.dim();
        List<CertifiedPoint> found = new ArrayList<>();
        List<double[][]> open = new ArrayList<>();
        List<UndecidedBox.Reason> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        double excluded = 0;
        double certified = 0;
        for (double[][] leaf : leaves) {
            double[] lo = leaf[0];
            double[] hi = leaf[1];
            double[] ilo = new double[p];
            double[] ihi = new double[p];
            for (int i = 0; i < p; i++) {
                double w = hi[i] - lo[i];
                ilo[i] = lo[i] - w;
                ihi[i] = hi[i] + w;
            }
            Krawczyk.Step k = step(objective, enclosure, ilo, ihi);
            if (k != null && k.outcome() == Krawczyk.Outcome.EMPTY) {
                excluded += BoxCensus.volume(lo, hi);
                continue;
            }
            if (k != null && k.outcome() == Krawczyk.Outcome.UNIQUE) {
                String verdict = unique(k, ilo, ihi, config, known, found, certify);
                if (verdict == null) {
                    certified += BoxCensus.volume(lo, hi);
                    continue;
                }
                if (verdict.isEmpty()) {
                    excluded += BoxCensus.volume(lo, hi);
                    continue;
                }
                open.add(leaf);
                reasons.add(UndecidedBox.Reason.TOO_SMALL);
                details.add(verdict);
                continue;
            }
            open.add(leaf);
            classify(objective, enclosure, lo, hi, config.zeroTol(), reasons, details);
        }
        int[] cluster = new int[open.size()];
        int clusters = cluster(open, cluster);
        List<UndecidedBox> out = new ArrayList<>();
        boolean[] chain = chains(open, cluster, clusters);
        for (int i = 0; i < open.size(); i++) {
            UndecidedBox.Reason r = chain[cluster[i]] && reasons.get(i) != UndecidedBox.Reason.NOT_FINITE
                    ? UndecidedBox.Reason.NOT_ISOLATED : reasons.get(i);
            out.add(new UndecidedBox(open.get(i)[0], open.get(i)[1], r, cluster[i], details.get(i)));
        }
        return new Outcome(out, found, excluded, certified, clusters);
    }

    /**
     * For a unique zero proved in the inflated box: null when it is (now) a certified point, "" when it lies outside
     * the search box (so the leaf has none), otherwise why it stays undecided.
     */
    private static String unique(Krawczyk.Step k, double[] ilo, double[] ihi, CensusConfig config,
            List<CertifiedPoint> known, List<CertifiedPoint> found, Certify certify) {
        List<CertifiedPoint> all = new ArrayList<>(known);
        all.addAll(found);
        for (CertifiedPoint pt : all) {
            if (inside(pt.lo(), pt.hi(), ilo, ihi)) {
                return null;
            }
            if (overlaps(pt.lo(), pt.hi(), ilo, ihi)) {
                return "a certified point's enclosure straddles the inflated box";
            }
        }
        if (!overlaps(k.lo(), k.hi(), config.lo(), config.hi())) {
            return "";
        }
        if (!inside(k.lo(), k.hi(), config.lo(), config.hi())) {
            return "a unique critical point proved here straddles the face of the search box";
        }
        found.add(certify.apply(ilo, ihi, k.lo(), k.hi()));
        return null;
    }

    private static Krawczyk.Step step(Objective objective, BoxEnclosure enclosure, double[] lo, double[] hi) {
        int p = lo.length;
        double[] x = BoxCensus.centre(lo, hi);
        double[] y = Krawczyk.inverse(objective.hessian(x, new double[p * p]), p);
        if (y == null) {
            return null;
        }
        double[] gx = new double[2 * p];
        enclosure.gradient(x, x, gx);
        double[] h = new double[2 * p * p];
        enclosure.hessian(lo, hi, h);
        if (!BoxCensus.finite(gx) || !BoxCensus.finite(h)) {
            return null;
        }
        return Krawczyk.apply(lo, hi, x, y, gx, h);
    }

    private static void classify(Objective objective, BoxEnclosure enclosure, double[] lo, double[] hi,
            double zeroTol, List<UndecidedBox.Reason> reasons, List<String> details) {
        int p = lo.length;
        double[] g = new double[2 * p];
        enclosure.gradient(lo, hi, g);
        if (!BoxCensus.finite(g)) {
            reasons.add(UndecidedBox.Reason.NOT_FINITE);
            details.add("the gradient enclosure is not finite");
            return;
        }
        double[] x = BoxCensus.centre(lo, hi);
        double[] h = objective.hessian(x, new double[p * p]);
        double[] ev = SymmetricEigen.values(new Matrix(p, p, h)).values();
        double radius = Math.max(Math.abs(ev[0]), Math.abs(ev[p - 1]));
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            smallest = Math.min(smallest, Math.abs(v));
        }
        String detail = String.format(java.util.Locale.ROOT, "smallest |eigenvalue| of H at the centre %.3g, "
                + "spectral radius %.3g", smallest, radius);
        reasons.add(smallest <= zeroTol * radius || radius == 0 ? UndecidedBox.Reason.DEGENERATE
                : UndecidedBox.Reason.TOO_SMALL);
        details.add(detail);
    }

    /** Union-find over touching boxes (closed boxes that intersect), swept along the first coordinate. */
    private static int cluster(List<double[][]> boxes, int[] label) {
        int n = boxes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> boxes.get(i)[0][0]));
        for (int a = 0; a < n; a++) {
            double[][] x = boxes.get(order[a]);
            for (int b = a + 1; b < n && boxes.get(order[b])[0][0] <= x[1][0]; b++) {
                double[][] y = boxes.get(order[b]);
                if (overlaps(x[0], x[1], y[0], y[1])) {
                    union(parent, order[a], order[b]);
                }
            }
        }
        int[] id = new int[n];
        Arrays.fill(id, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (id[r] < 0) {
                id[r] = count++;
            }
            label[i] = id[r];
        }
        return count;
    }

    /** For each cluster: whether its extent exceeds {@link #CHAIN} of its widest leaves in some coordinate. */
    private static boolean[] chains(List<double[][]> boxes, int[] label, int clusters) {
        if (boxes.isEmpty()) {
            return new boolean[0];
        }
        int p = boxes.get(0)[0].length;
        double[][] lo = new double[clusters][p];
        double[][] hi = new double[clusters][p];
        double[][] widest = new double[clusters][p];
        for (double[] row : lo) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (double[] row : hi) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        for (int i = 0; i < boxes.size(); i++) {
            int c = label[i];
            for (int k = 0; k < p; k++) {
                lo[c][k] = Math.min(lo[c][k], boxes.get(i)[0][k]);
                hi[c][k] = Math.max(hi[c][k], boxes.get(i)[1][k]);
                widest[c][k] = Math.max(widest[c][k], boxes.get(i)[1][k] - boxes.get(i)[0][k]);
            }
        }
        boolean[] out = new boolean[clusters];
        for (int c = 0; c < clusters; c++) {
            for (int k = 0; k < p; k++) {
                out[c] |= hi[c][k] - lo[c][k] > CHAIN * widest[c][k];
            }
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** [alo, ahi] ⊂ [blo, bhi]. */
    static boolean inside(double[] alo, double[] ahi, double[] blo, double[] bhi) {
        for (int i = 0; i < alo.length; i++) {
            if (alo[i] < blo[i] || ahi[i] > bhi[i]) {
                return false;
            }
        }
        return true;
    }

    /** The closed boxes intersect. */
    static boolean overlaps(double[] alo, double[] ahi, double[] blo, double[] bhi) {
        for (int i = 0; i < alo.length; i++) {
            if (ahi[i] < blo[i] || bhi[i] < alo[i]) {
                return false;
            }
        }
        return true;
    }
}
