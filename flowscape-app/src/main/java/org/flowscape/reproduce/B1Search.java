package org.flowscape.reproduce;

import org.flowscape.analysis.Classifier;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.PolishStatus;
import org.flowscape.analysis.Polisher;
import org.flowscape.analysis.Redundancy;
import org.flowscape.analysis.RedundancyReport;
import org.flowscape.analysis.SymmetryOrbit;
import org.flowscape.analysis.precise.Certification;
import org.flowscape.analysis.precise.PreciseCertificate;
import org.flowscape.experiment.RecordSink;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.EmpiricalRisk;

/**
 * B1's search from one start and the class of its end, written as records {@code NAME/LABEL}. Trust-region Newton
 * (whose steps are bounded by the trust radius, so it cannot jump off) runs to ‖∇L‖ ≤ 1e-6 within
 * {@code maxIterations}, then to {@code gradTol}; an end that does not reach it is offered to the 50-digit Newton
 * polish and certificate ({@link Certification}). Every start ends in one of: {@code diverged} (‖θ‖∞ passed
 * {@link #BOUND}, or grew by {@value #GROWTH} relative over the second stage while L fell: a pair of neurons whose
 * output weights cancel, or a neuron saturating, running off to infinity; {@code running_off/LABEL} marks the latter),
 * {@code unconverged} (a finite point that is not critical after the 50-digit polish), {@code saddle}, or a minimum,
 * classed {@link #EFFICIENT}, {@link #REDUNDANT} or {@link #UNRESOLVED} ({@code class/LABEL}, reason in
 * {@code reason/LABEL}). Cost per start: up to maxIterations dense Hessians (O(m·P²) each) and, for an unconverged
 * end, one 50-digit certificate.
 */
final class B1Search {
    /** Divergence bound on ‖θ‖∞. */
    static final double BOUND = 1e3;
    /** Relative growth of ‖θ‖∞ over the second stage that, with a falling loss, marks an end running off. */
    static final double GROWTH = 0.1;
    /** A neuron whose |ψ'| stays below this on every input is saturated. */
    static final double SATURATED = 1e-4;
    /** Class codes of a minimum ({@code class/LABEL}). */
    static final int EFFICIENT = 0;
    static final int REDUNDANT = 1;
    static final int UNRESOLVED = 2;
    /** Reason codes of an unresolved minimum ({@code reason/LABEL}). */
    static final int RANK_DEFICIENT = 1;
    static final int NEAR_REDUNDANT = 2;
    static final int SATURATION = 3;

    /**
     * The search's settings.
     *
     * @param gradTol       ‖∇L‖ of a converged end
     * @param zeroRel       relative zero of the Hessian's spectrum (index and nullity)
     * @param efficientDist smallest distance to the redundant set of an efficient minimum
     * @param maxIterations Newton iterations of the first stage
     */
    record Settings(double gradTol, double zeroRel, double efficientDist, int maxIterations) {
    }

    /** A minimum found: θ and its class ({@link #EFFICIENT}, {@link #REDUNDANT} or {@link #UNRESOLVED}). */
    record Found(double[] theta, int cls) {
    }

    private B1Search() {
    }

    /** Searches from {@code start} (read only), writes the end's records; returns the minimum, else null. */
    static Found run(EmpiricalRisk f, double[] start, String label, Settings s, RecordSink sink) {
        PolishResult warm = Polisher.polish(f, start, new PolishConfig(PolishMethod.NEWTON, 1e-6, s.maxIterations(),
                1.0, BOUND));
        if (warm.status() == PolishStatus.DIVERGED || warm.status() == PolishStatus.NON_FINITE) {
            sink.metric("diverged/" + label, Vectors.normInf(warm.theta()));
            return null;
        }
        PolishResult p = Polisher.polish(f, warm.theta(), new PolishConfig(PolishMethod.NEWTON, s.gradTol(), 200, 1.0,
                BOUND));
        double[] theta = p.theta();
        if (!p.converged() && runningOff(warm, p)) {
            sink.metric("diverged/" + label, Vectors.normInf(theta));
            sink.metric("running_off/" + label, Vectors.normInf(theta) / Vectors.normInf(warm.theta()));
            return null;
        }
        if (!p.converged()) {
            PreciseCertificate precise = Certification.attempts(f, theta, new Tolerance(0, ClaimB1.CERTIFY_REFUSAL))
                    .precise();
            if (precise == null || !precise.certified()) {
                sink.metric("unconverged/" + label, p.gradientNorm());
                return null;
            }
            theta = precise.center();
            sink.metric("precise_polish/" + label, 1);
        }
        CriticalPointReport r = Classifier.classify(f, theta, Math.max(s.gradTol(), p.gradientNorm()),
                new Tolerance(0, s.zeroRel()), SymmetryOrbit.DEFAULT_RANK);
        if (r.index() > 0) {
            sink.metric("saddle/" + label, r.index());
            return null;
        }
        double[] ev = r.spectrum().values();
        sink.metric("lambda_min/" + label, ev[0]);
        sink.metric("lambda_max/" + label, ev[ev.length - 1]);
        sink.metric("nullity/" + label, r.nullity());
        sink.metric("loss/" + label, f.value(theta));
        return new Found(theta, classify(f, theta, label, s, sink));
    }

    /**
     * Whether an unconverged end is running off to infinity: over the second stage ‖θ‖∞ grew by at least
     * {@value #GROWTH} relative and L fell — a valley along which the loss decreases towards an infimum that no finite
     * point attains (two neurons whose output weights grow with opposite signs, or a neuron saturating).
     */
    static boolean runningOff(PolishResult first, PolishResult second) {
        return Vectors.normInf(second.theta()) >= (1 + GROWTH) * Vectors.normInf(first.theta())
                && second.value() < first.value();
    }

    /** Writes and returns the class of the minimum θ (and its reason, saturation, rank deficit and distance). */
    private static int classify(EmpiricalRisk f, double[] theta, String label, Settings s, RecordSink sink) {
        RedundancyReport red = Redundancy.analyze(f, theta, Redundancy.DEFAULT_RULES, Redundancy.DEFAULT_RANK);
        double sat = ClaimB1.saturation(f, theta);
        int excess = red.rankTestValid() ? red.rankDeficit() - red.baselineDeficit() : 0;
        sink.metric("saturation/" + label, sat);
        sink.metric("rank_deficit/" + label, excess);
        sink.metric("distance/" + label, red.distanceToRedundantSet());
        int cls;
        int reason = 0;
        if (red.redundant()) {
            cls = REDUNDANT;
        } else if (sat < SATURATED) {
            cls = UNRESOLVED;
            reason = SATURATION;
        } else if (!(red.distanceToRedundantSet() >= s.efficientDist())) {
            cls = UNRESOLVED;
            reason = NEAR_REDUNDANT;
        } else if (excess > 0) {
            cls = UNRESOLVED;
            reason = RANK_DEFICIENT;
        } else {
            cls = EFFICIENT;
        }
        sink.metric("class/" + label, cls);
        sink.metric("reason/" + label, reason);
        sink.metric("redundant/" + label, cls == REDUNDANT ? 1 : 0);
        return cls;
    }
}
