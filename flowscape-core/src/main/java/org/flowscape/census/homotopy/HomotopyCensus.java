package org.flowscape.census.homotopy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;

/**
 * The complete complex census of the critical points of a polynomial loss: every complex solution of ∇L = 0 by
 * total-degree homotopy continuation ({@link TotalDegreeHomotopy}, {@link PathTracker}, {@link Endgame}), each finite
 * regular endpoint certified by the complex {@link Krawczyk} test as a distinct root and as real or non-real, and
 * each real root classified from the exact Hessian ({@link Classifier}). Paths are run in index order on one thread,
 * so the result depends only on the system and the settings.
 *
 * <p>Written here because no maintained Java library offers homotopy continuation (HomotopyContinuation.jl,
 * Bertini and PHCpack are Julia and C/Ada programs).
 *
 * <p>Cost: the Bézout number Π deg(∂L/∂θ_i) of paths, each a few hundred evaluations of an (P+1) × (P+1) complex
 * Jacobian; systems over {@link HomotopySettings#pathBudget()} paths are refused before any work.
 */
public final class HomotopyCensus {
    private HomotopyCensus() {
    }

    /**
     * Runs the census of ∇L = 0.
     *
     * @throws IllegalArgumentException when the path count exceeds the budget, or a gradient equation is zero or
     *         constant
     */
    public static HomotopyCensusResult run(PolynomialLoss loss, HomotopySettings settings) {
        return run(loss, settings, null);
    }

    /**
     * As {@link #run(PolynomialLoss, HomotopySettings)}, with a check of each real solution's margin in an
     * activation pattern (null for none).
     */
    public static HomotopyCensusResult run(PolynomialLoss loss, HomotopySettings settings, PatternCheck pattern) {
        long start = System.nanoTime();
        PolynomialSystem system = loss.gradientSystem();
        TotalDegreeHomotopy homotopy = new TotalDegreeHomotopy(system, settings.seed());
        long paths = homotopy.pathCount();
        if (paths > settings.pathBudget()) {
            throw new IllegalArgumentException("the total-degree homotopy of " + loss.description() + " needs "
                    + (paths == Long.MAX_VALUE ? "more than 9.2e18" : Long.toString(paths)) + " paths (the Bezout "
                    + "number of its gradient system), over the budget of " + settings.pathBudget()
                    + "; use a smaller model or fewer samples, or raise the path budget");
        }
        Endgame endgame = new Endgame(homotopy, settings.tracker());
        Tally tally = new Tally(system, new PolynomialObjective(loss), settings, pattern);
        for (long k = 0; k < paths; k++) {
            tally.add(endgame.run(k));
        }
        return tally.result(loss, paths, (System.nanoTime() - start) / 1e9);
    }

    /** The signed margin of a real point in an activation pattern (positive: strictly inside). */
    public interface PatternCheck {
        double margin(double[] theta);
    }

    /** Sorts the path results into certified roots, singular clusters, infinity and failures. */
    private static final class Tally {
        private final PolynomialSystem system;
        private final PolynomialObjective objective;
        private final HomotopySettings settings;
        private final PatternCheck pattern;
        private final Krawczyk krawczyk;
        private final List<CertifiedSolution> solutions = new ArrayList<>();
        private final List<Krawczyk.Result> boxes = new ArrayList<>();
        private final List<SingularPoint> singular = new ArrayList<>();
        private final List<PathResult> failures = new ArrayList<>();
        private int regular;
        private int uncertified;
        private int duplicates;
        private int singularPaths;
        private int infinity;
        private int failed;

        Tally(PolynomialSystem system, PolynomialObjective objective, HomotopySettings settings,
                PatternCheck pattern) {
            this.system = system;
            this.objective = objective;
            this.settings = settings;
            this.pattern = pattern;
            this.krawczyk = new Krawczyk(system);
        }

        void add(PathResult r) {
            switch (r.status()) {
                case REGULAR -> regular(r);
                case SINGULAR -> singular(r);
                case AT_INFINITY -> infinity++;
                case FAILED -> {
                    failed++;
                    failures.add(r);
                }
                default -> throw new IllegalStateException("unknown path status " + r.status());
            }
        }

        private void regular(PathResult r) {
            regular++;
            double[] x = AffineNewton.refine(system, r.affine());
            boolean nearlyReal = nearlyReal(x, settings.realTolerance());
            Krawczyk.Result cert = krawczyk.certify(x, nearlyReal);
            if (cert == null) {
                uncertified++;
                failures.add(new PathResult(r.path(), r.status(), r.endpoint(), r.winding(), r.condition(),
                        r.steps(), "regular endpoint not certified by the Krawczyk test"));
                return;
            }
            for (int i = 0; i < boxes.size(); i++) {
                if (!cert.disjoint(boxes.get(i))) {
                    duplicates++;
                    solutions.set(i, solutions.get(i).withPaths(solutions.get(i).paths() + 1));
                    return;
                }
            }
            boxes.add(cert);
            solutions.add(describe(x, cert));
        }

        private CertifiedSolution describe(double[] x, Krawczyk.Result cert) {
            double radius = 0;
            for (ComplexInterval c : cert.box()) {
                radius = Math.max(radius, c.radius());
            }
            if (!cert.real()) {
                return new CertifiedSolution(x, radius, false, cert.nonReal(), 1, Double.NaN, -1, -1, "", Double.NaN);
            }
            double[] point = x.clone();
            double[] theta = new double[x.length / 2];
            for (int j = 0; j < theta.length; j++) {
                theta[j] = x[2 * j];
                point[2 * j + 1] = 0;
            }
            CriticalPointReport rep = Classifier.classify(objective, theta, settings.gradientTolerance());
            double margin = pattern == null ? Double.NaN : pattern.margin(theta);
            return new CertifiedSolution(point, radius, true, false, 1, rep.value(), rep.index(), rep.nullity(),
                    rep.type().name(), margin);
        }

        private void singular(PathResult r) {
            singularPaths++;
            double[] x = r.affine();
            double scale = 1 + maxAbs(x);
            for (int i = 0; i < singular.size(); i++) {
                SingularPoint s = singular.get(i);
                if (distance(s.point(), x) <= settings.clusterTolerance() * scale) {
                    singular.set(i, new SingularPoint(s.point(), s.paths() + 1, Math.max(s.maxWinding(),
                            r.winding()), s.nearlyReal()));
                    return;
                }
            }
            singular.add(new SingularPoint(x, 1, r.winding(), nearlyReal(x, settings.realTolerance() * 100)));
        }

        HomotopyCensusResult result(PolynomialLoss loss, long paths, double seconds) {
            List<CertifiedSolution> sorted = new ArrayList<>(solutions);
            sorted.sort(Comparator.comparing((CertifiedSolution s) -> !s.real())
                    .thenComparingDouble(s -> s.real() ? s.value() : 0));
            int real = 0;
            int nonReal = 0;
            int morse = 0;
            for (CertifiedSolution s : sorted) {
                real += s.real() ? 1 : 0;
                nonReal += s.nonReal() ? 1 : 0;
                if (s.real() && s.nullity() == 0) {
                    morse += s.index() % 2 == 0 ? 1 : -1;
                }
            }
            return new HomotopyCensusResult(loss.description(), loss.parameters(), paths, regular, solutions.size(),
                    real, nonReal, uncertified, duplicates, singularPaths, infinity, failed, morse, sorted, singular,
                    failures, settings, seconds);
        }
    }

    static boolean nearlyReal(double[] x, double tol) {
        double scale = 1 + maxAbs(x);
        for (int j = 0; j < x.length / 2; j++) {
            if (Math.abs(x[2 * j + 1]) > tol * scale) {
                return false;
            }
        }
        return true;
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }
}
