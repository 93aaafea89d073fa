package org.flowscape.dynamics;

/** The dense output of one accepted step [t0, t1]: the state at any t inside it. */
interface StepInterpolant {

    /** The step's start time. */
    double startTime();

    /** The step's end time. */
    double endTime();

    /** θ(t) for t in [t0, t1] into {@code out} (length P, overwritten). */
    void state(double t, double[] out);

    /** How a step produces θ(t): writes the state at t into {@code out} (length P, overwritten). */
    @FunctionalInterface
    interface State {
        void at(double t, double[] out);
    }

    /** The step [t0, t1] whose state at t comes from {@code state}. */
    static StepInterpolant of(double t0, double t1, State state) {
        return new StepInterpolant() {
            @Override
            public double startTime() {
                return t0;
            }

            @Override
            public double endTime() {
                return t1;
            }

            @Override
            public void state(double t, double[] out) {
                state.at(t, out);
            }
        };
    }

    /**
     * Cubic Hermite interpolation from the end states and their derivatives θ' = −∇L: third order, the dense output
     * of our own steppers (RK4, Rosenbrock), whose error stays below the step's own for the step sizes they take.
     */
    static StepInterpolant hermite(double t0, double[] theta0, double[] grad0, double t1, double[] theta1,
            double[] grad1) {
        return of(t0, t1, (t, out) -> {
            double h = t1 - t0;
            double s = (t - t0) / h;
            double s2 = s * s;
            double s3 = s2 * s;
            double h00 = 2 * s3 - 3 * s2 + 1;
            double h10 = (s3 - 2 * s2 + s) * h;
            double h01 = -2 * s3 + 3 * s2;
            double h11 = (s3 - s2) * h;
            for (int i = 0; i < out.length; i++) {
                out[i] = h00 * theta0[i] - h10 * grad0[i] + h01 * theta1[i] - h11 * grad1[i];
            }
        });
    }
}
