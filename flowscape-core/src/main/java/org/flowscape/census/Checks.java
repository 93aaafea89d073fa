package org.flowscape.census;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Polisher;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;

/**
 * The consistency checks of a census. Euler: when the gradient is proved to point outward on the whole boundary of
 * the box (face by face, subdividing each face up to {@link #FACE_BOXES} boxes), the critical points inside have
 * Σ(−1)^index = 1 by Poincaré–Hopf (for a coercive Morse loss and a box holding all its critical points this is the
 * Morse relation); it is checked when nothing was left undecided and every index was proved. Sampled census: Newton
 * polishing ({@code analysis.Polisher}, the machinery of {@code critical}) from seeded uniform starts in the box; each
 * converged point is matched to the certified enclosures.
 */
final class Checks {
    /** The most sub-boxes per face in the boundary proof. */
    static final int FACE_BOXES = 4096;
    /** Gradient tolerance of the sampled polishing, relative to 1 + |L|. */
    static final double SAMPLE_GRADIENT_TOL = 1e-9;
    /** A polished point matches an enclosure within this × (1 + |θ|∞). */
    static final double MATCH = 1e-6;

    private Checks() {
    }

    static Consistency run(Objective objective, BoxEnclosure enclosure, CensusConfig config,
            List<CertifiedPoint> points, List<UndecidedBox> undecided) {
        boolean outward = outward(enclosure, config.lo(), config.hi());
        int sum = 0;
        boolean allProved = true;
        for (CertifiedPoint pt : points) {
            if (pt.index() < 0) {
                allProved = false;
            } else {
                sum += pt.index() % 2 == 0 ? 1 : -1;
            }
        }
        Consistency.Verdict verdict;
        String text;
        if (!outward) {
            verdict = Consistency.Verdict.NOT_APPLICABLE;
            text = "not applicable: the gradient was not proved to point outward on the whole boundary of the box";
        } else if (!undecided.isEmpty()) {
            verdict = Consistency.Verdict.NOT_APPLICABLE;
            text = "not applicable: " + undecided.size() + " box(es) undecided";
        } else if (!allProved) {
            verdict = Consistency.Verdict.NOT_APPLICABLE;
            text = "not applicable: an index was not proved";
        } else {
            verdict = sum == 1 ? Consistency.Verdict.HOLDS : Consistency.Verdict.FAILS;
            text = (sum == 1 ? "holds" : "FAILS") + ": gradient proved outward on the boundary, sum (-1)^index = "
                    + sum + (sum == 1 ? "" : ", but Poincare-Hopf requires 1");
        }
        int[] sampled = sample(objective, config, points);
        return new Consistency(sum, outward, verdict, text, config.samples(), sampled[0], sampled[1], sampled[2]);
    }

    /** Whether ∂L/∂θ_k &gt; 0 on every face θ_k = hi_k and &lt; 0 on every face θ_k = lo_k, proved. */
    static boolean outward(BoxEnclosure enclosure, double[] lo, double[] hi) {
        int p = lo.length;
        for (int k = 0; k < p; k++) {
            for (int side = 0; side < 2; side++) {
                double[] flo = lo.clone();
                double[] fhi = hi.clone();
                if (side == 0) {
                    fhi[k] = lo[k];
                } else {
                    flo[k] = hi[k];
                }
                if (!face(enclosure, flo, fhi, k, side == 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean face(BoxEnclosure enclosure, double[] lo, double[] hi, int k, boolean positive) {
        int p = lo.length;
        List<double[][]> stack = new ArrayList<>();
        stack.add(new double[][] {lo, hi});
        double[] g = new double[2 * p];
        int used = 0;
        while (!stack.isEmpty()) {
            double[][] b = stack.remove(stack.size() - 1);
            enclosure.gradient(b[0], b[1], g);
            if (positive ? g[2 * k] > 0 : g[2 * k + 1] < 0) {
                continue;
            }
            if (++used > FACE_BOXES || p == 1) {
                return false;
            }
            int widest = -1;
            for (int i = 0; i < p; i++) {
                if (i != k && (widest < 0 || b[1][i] - b[0][i] > b[1][widest] - b[0][widest])) {
                    widest = i;
                }
            }
            double cut = b[0][widest] + BoxCensus.SPLIT * (b[1][widest] - b[0][widest]);
            double[] leftHi = b[1].clone();
            leftHi[widest] = cut;
            double[] rightLo = b[0].clone();
            rightLo[widest] = cut;
            stack.add(new double[][] {b[0], leftHi});
            stack.add(new double[][] {rightLo, b[1]});
        }
        return true;
    }

    /** {converged starts, certified points found, distinct converged points in the box outside every enclosure}. */
    private static int[] sample(Objective objective, CensusConfig config, List<CertifiedPoint> points) {
        int p = config.dim();
        Set<Integer> found = new HashSet<>();
        List<double[]> outside = new ArrayList<>();
        int converged = 0;
        for (int s = 0; s < config.samples(); s++) {
            SplittableRandom r = Seeds.stream(config.seed(), "census-start", s);
            double[] start = new double[p];
            for (int i = 0; i < p; i++) {
                start[i] = config.lo()[i] + r.nextDouble() * (config.hi()[i] - config.lo()[i]);
            }
            double tol = SAMPLE_GRADIENT_TOL * (1 + Math.abs(objective.value(start)));
            PolishResult polish = Polisher.polish(objective, start, new PolishConfig(PolishMethod.NEWTON, tol, 200,
                    1.0, 1e6));
            if (!polish.converged()) {
                continue;
            }
            converged++;
            double[] x = polish.theta();
            int match = match(points, x);
            if (match >= 0) {
                found.add(match);
            } else if (Leaves.inside(x, x, config.lo(), config.hi()) && outside.stream().noneMatch(
                    o -> close(o, x))) {
                outside.add(x);
            }
        }
        return new int[] {converged, found.size(), outside.size()};
    }

    private static int match(List<CertifiedPoint> points, double[] x) {
        double slack = MATCH * (1 + org.flowscape.linalg.Vectors.normInf(x));
        for (int i = 0; i < points.size(); i++) {
            CertifiedPoint pt = points.get(i);
            boolean in = true;
            for (int k = 0; k < x.length && in; k++) {
                in = x[k] >= pt.lo()[k] - slack && x[k] <= pt.hi()[k] + slack;
            }
            if (in) {
                return i;
            }
        }
        return -1;
    }

    private static boolean close(double[] a, double[] b) {
        double slack = MATCH * (1 + org.flowscape.linalg.Vectors.normInf(a));
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > slack) {
                return false;
            }
        }
        return true;
    }
}
