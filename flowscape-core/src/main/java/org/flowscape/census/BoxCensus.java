package org.flowscape.census;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.flowscape.analysis.Certifier;
import org.flowscape.objective.Objective;

/**
 * The certified census of the critical points of L in a box, by interval branch-and-bound. Each box X (depth first):
 * <ol>
 * <li>excluded when 0 ∉ [∇L](X) in some coordinate, or in the mean-value form [∇L](x) + [H](X)(X − x);</li>
 * <li>else the Krawczyk operator with Y ≈ H(x)⁻¹ at the centre x: K(X) ∩ X = ∅ excludes X; K(X) ⊂ int X proves a
 *     unique critical point in X, whose enclosure is tightened by iterating Krawczyk on K(X) and whose inertia is
 *     proved by {@link Certifier#provedInertia} on [H](K); otherwise X ∩ K(X) replaces X when it is at most 90 % of
 *     X's volume;</li>
 * <li>else split off-centre ({@link #SPLIT} of the widest coordinate relative to the search box, so a symmetric
 *     critical point does not fall on a face), unless X is narrower than the minimum width in every coordinate:
 *     then it is left undecided, and {@link Leaves} classifies it.</li>
 * </ol>
 * Leaves have disjoint interiors and a certified point lies inside its box's interior, so no point is counted twice.
 * Cost per box: one gradient and one Hessian enclosure, one floating-point Hessian and O(P³); the number of boxes
 * grows with the number of critical points, the overestimation of the enclosures, and, for a continuum of critical
 * points, as its length over the minimum width.
 */
public final class BoxCensus {
    /** Where a box is split, as a fraction of its widest coordinate: 0.5 − 1/(8π), off the centre. */
    public static final double SPLIT = 0.5 - 1 / (8 * Math.PI);
    /** How many Krawczyk iterations tighten a certified enclosure. */
    static final int TIGHTEN = 8;

    /** Receives progress about every second on long runs. */
    public interface Progress {
        /** Boxes examined, boxes waiting, points certified, fraction of the volume decided, seconds so far. */
        void report(long boxes, int waiting, int points, double decided, double seconds);
    }

    private final Objective objective;
    private final BoxEnclosure enclosure;
    private final CensusConfig config;
    private final int p;
    private final double total;
    private final List<CertifiedPoint> points = new ArrayList<>();
    private final List<double[][]> leaves = new ArrayList<>();
    private double excluded;
    private double certified;

    private BoxCensus(Objective objective, CensusConfig config) {
        this.objective = objective;
        this.enclosure = Enclosures.of(objective);
        this.config = config;
        this.p = config.dim();
        if (objective.dim() != p) {
            throw new IllegalArgumentException("the box has " + p + " coordinate range(s) but the model has P = "
                    + objective.dim() + " parameters; give one range for all or one per parameter");
        }
        this.total = volume(config.lo(), config.hi());
    }

    /**
     * Runs the census of {@code objective} (not thread-safe; used by this thread only) in the box of {@code config}.
     *
     * @param progress called about once a second, or null
     * @throws IllegalArgumentException when the objective has no interval enclosure ({@link Enclosures#refusal}) or
     *                                  the box does not match its dimension
     */
    public static CensusResult run(Objective objective, CensusConfig config, Progress progress) {
        return new BoxCensus(objective, config).run(progress);
    }

    private CensusResult run(Progress progress) {
        long start = System.nanoTime();
        long lastReport = start;
        Deque<double[][]> stack = new ArrayDeque<>();
        stack.push(new double[][] {config.lo(), config.hi()});
        long boxes = 0;
        List<UndecidedBox> budget = new ArrayList<>();
        while (!stack.isEmpty()) {
            long now = System.nanoTime();
            if (boxes >= config.maxBoxes() || (now - start) / 1e9 > config.timeLimit()) {
                for (double[][] b : stack) {
                    budget.add(new UndecidedBox(b[0], b[1], UndecidedBox.Reason.BUDGET, -1, "not examined"));
                }
                break;
            }
            if (progress != null && now - lastReport > 1_000_000_000L) {
                progress.report(boxes, stack.size(), points.size(), (excluded + certified) / total,
                        (now - start) / 1e9);
                lastReport = now;
            }
            double[][] box = stack.pop();
            boxes++;
            examine(box[0], box[1], stack);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Leaves.Outcome leafOutcome = Leaves.resolve(objective, enclosure, config, leaves, points, this::certify);
        excluded += leafOutcome.excludedVolume();
        certified += leafOutcome.certifiedVolume();
        List<UndecidedBox> undecided = new ArrayList<>(leafOutcome.undecided());
        undecided.addAll(budget);
        List<CertifiedPoint> all = new ArrayList<>(points);
        all.addAll(leafOutcome.points());
        Orbits.Grouped grouped = Orbits.group(objective, all);
        Consistency consistency = Checks.run(objective, enclosure, config, grouped.points(), undecided);
        return new CensusResult(config, grouped.points(), grouped.sizes(), undecided, leafOutcome.clusters(),
                excluded / total, certified / total, boxes, seconds, consistency);
    }

    private void examine(double[] lo, double[] hi, Deque<double[][]> stack) {
        double[] g = new double[2 * p];
        enclosure.gradient(lo, hi, g);
        if (excludesZero(g)) {
            excluded += volume(lo, hi);
            return;
        }
        double[] x = centre(lo, hi);
        double[] gx = new double[2 * p];
        enclosure.gradient(x, x, gx);
        double[] h = new double[2 * p * p];
        enclosure.hessian(lo, hi, h);
        if (excludesZero(meanValue(lo, hi, x, gx, h))) {
            excluded += volume(lo, hi);
            return;
        }
        double[] y = Krawczyk.inverse(objective.hessian(x, new double[p * p]), p);
        if (y != null && finite(gx) && finite(h)) {
            Krawczyk.Step k = Krawczyk.apply(lo, hi, x, y, gx, h);
            switch (k.outcome()) {
                case EMPTY -> {
                    excluded += volume(lo, hi);
                    return;
                }
                case UNIQUE -> {
                    points.add(certify(lo, hi, k.lo(), k.hi()));
                    certified += volume(lo, hi);
                    return;
                }
                default -> {
                    double before = volume(lo, hi);
                    double after = volume(k.lo(), k.hi());
                    if (after <= 0.9 * before) {
                        excluded += before - after;
                        stack.push(new double[][] {k.lo(), k.hi()});
                        return;
                    }
                }
            }
        }
        if (small(lo, hi)) {
            leaves.add(new double[][] {lo, hi});
            return;
        }
        split(lo, hi, stack);
    }

    /** The certified point whose unique existence in [lo, hi] Krawczyk proved with image [klo, khi]. */
    CertifiedPoint certify(double[] lo, double[] hi, double[] klo, double[] khi) {
        double[] elo = klo;
        double[] ehi = khi;
        for (int it = 0; it < TIGHTEN; it++) {
            double[] x = centre(elo, ehi);
            double[] y = Krawczyk.inverse(objective.hessian(x, new double[p * p]), p);
            if (y == null) {
                break;
            }
            double[] gx = new double[2 * p];
            enclosure.gradient(x, x, gx);
            double[] h = new double[2 * p * p];
            enclosure.hessian(elo, ehi, h);
            Krawczyk.Step k = Krawczyk.apply(elo, ehi, x, y, gx, h);
            if (k.outcome() != Krawczyk.Outcome.UNIQUE || volume(k.lo(), k.hi()) >= volume(elo, ehi)) {
                break;
            }
            elo = k.lo();
            ehi = k.hi();
        }
        double[] h = new double[2 * p * p];
        enclosure.hessian(elo, ehi, h);
        Certifier.Inertia inertia = Certifier.provedInertia(h, p);
        double[] loss = enclosure.value(elo, ehi);
        return new CertifiedPoint(elo, ehi, lo, hi, loss[0], loss[1], inertia.index(), inertia.gap(), -1);
    }

    /** [∇L](x) + [H](X)(X − x), interleaved. */
    private double[] meanValue(double[] lo, double[] hi, double[] x, double[] gx, double[] h) {
        double[] out = gx.clone();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                org.flowscape.analysis.IntervalMath.addProduct(out, i, h[2 * (i * p + j)], h[2 * (i * p + j) + 1],
                        org.flowscape.analysis.IntervalMath.down(lo[j] - x[j]),
                        org.flowscape.analysis.IntervalMath.up(hi[j] - x[j]));
            }
        }
        return out;
    }

    private boolean small(double[] lo, double[] hi) {
        for (int i = 0; i < p; i++) {
            if (hi[i] - lo[i] > config.minWidth() * (config.hi()[i] - config.lo()[i])) {
                return false;
            }
        }
        return true;
    }

    private void split(double[] lo, double[] hi, Deque<double[][]> stack) {
        int k = 0;
        double widest = -1;
        for (int i = 0; i < p; i++) {
            double w = (hi[i] - lo[i]) / (config.hi()[i] - config.lo()[i]);
            if (w > widest) {
                widest = w;
                k = i;
            }
        }
        double cut = lo[k] + SPLIT * (hi[k] - lo[k]);
        double[] leftHi = hi.clone();
        leftHi[k] = cut;
        double[] rightLo = lo.clone();
        rightLo[k] = cut;
        stack.push(new double[][] {rightLo, hi});
        stack.push(new double[][] {lo, leftHi});
    }

    /** True when some interval of {@code g} (interleaved) excludes 0. */
    static boolean excludesZero(double[] g) {
        for (int i = 0; i < g.length; i += 2) {
            if (g[i] > 0 || g[i + 1] < 0) {
                return true;
            }
        }
        return false;
    }

    static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double[] centre(double[] lo, double[] hi) {
        double[] x = new double[lo.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo[i] + 0.5 * (hi[i] - lo[i]);
        }
        return x;
    }

    static double volume(double[] lo, double[] hi) {
        double v = 1;
        for (int i = 0; i < lo.length; i++) {
            v *= hi[i] - lo[i];
        }
        return v;
    }
}
