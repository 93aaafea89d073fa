package org.flowscape.reproduce;

import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Polisher;
import org.flowscape.analysis.SymmetryOrbit;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/**
 * Paper B's minimum search (theory.md B.8): trust-region Newton to ‖∇L‖ ≤ 1e-6 (the warm start, as
 * {@code flowscape critical} does), then polished to ‖∇L‖ ≤ {@code gradTol}, then classified with the dense Hessian at
 * a relative zero tolerance. Starts that run off to infinity (saturated neurons) or stall are reported as such.
 */
final class MinimumSearch {
    /** Divergence bound on ‖θ‖∞: beyond it a start is "degenerate at infinity". */
    static final double BOUND = 1e3;

    private MinimumSearch() {
    }

    /**
     * One start's end.
     *
     * @param polish the polish result
     * @param report the classification, or null when the polish did not converge
     */
    record Found(PolishResult polish, CriticalPointReport report) {
        boolean minimum() {
            return report != null && report.index() == 0;
        }
    }

    /** Warm start, polish and classify from {@code start} (read only). */
    static Found search(Objective f, double[] start, double gradTol, double zeroRel) {
        PolishResult warm = Polisher.polish(f, start, new PolishConfig(PolishMethod.NEWTON, 1e-6, 300, 1.0, BOUND));
        PolishResult p = Polisher.polish(f, warm.theta(), new PolishConfig(PolishMethod.NEWTON, gradTol, 100, 1.0,
                BOUND));
        if (!p.converged()) {
            return new Found(p, null);
        }
        CriticalPointReport r = Classifier.classify(f, p.theta(), gradTol, new Tolerance(0, zeroRel),
                SymmetryOrbit.DEFAULT_RANK);
        return new Found(p, r);
    }
}
