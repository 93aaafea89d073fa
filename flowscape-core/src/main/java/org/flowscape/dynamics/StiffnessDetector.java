package org.flowscape.dynamics;

/**
 * Detects an explicit method that is crawling: its steps limited by stability rather than accuracy. At 500, 1000,
 * 2000, … accepted steps it estimates λ_max(H) by power iteration (20 HVPs) and compares the mean step h of the
 * last window with the method's stability boundary b: h·λ_max ≥ {@value #RATIO}·b means stability-limited (Hairer
 * &amp; Wanner's DOPRI stiffness test uses the same quotient with a stage-based λ estimate).
 */
final class StiffnessDetector {
    static final double RATIO = 0.3;
    private static final int FIRST_CHECK = 500;
    private static final int POWER_ITERATIONS = 20;

    private final Evaluator eval;
    private final double boundary;
    private final boolean enabled;
    private long nextCheck = FIRST_CHECK;
    private long windowSteps;
    private double windowTime;
    private String warning = "";

    StiffnessDetector(Evaluator eval, FlowMethod method, boolean enabled) {
        this.eval = eval;
        this.boundary = method.stabilityBoundary();
        this.enabled = enabled && method.explicit();
    }

    /** Records an accepted step of length h ending at θ after {@code steps} steps; θ read only. */
    void step(long steps, double h, double[] theta) {
        if (!enabled) {
            return;
        }
        windowSteps++;
        windowTime += h;
        if (steps < nextCheck) {
            return;
        }
        nextCheck *= 2;
        double meanStep = windowTime / windowSteps;
        windowSteps = 0;
        windowTime = 0;
        boolean was = eval.auxiliary(true);
        double lambda = Math.abs(Curvature.largest(eval, theta, POWER_ITERATIONS));
        eval.auxiliary(was);
        double ratio = meanStep * lambda / boundary;
        if (ratio >= RATIO) {
            warning = String.format("explicit method is stability-limited after %d steps: mean step %.3g times "
                    + "lambda_max(H) %.3g = %.3g of the stability boundary %.3g; use the stiff method", steps,
                    meanStep, lambda, meanStep * lambda, boundary);
        }
    }

    /** The warning, empty when none. */
    String warning() {
        return warning;
    }
}
