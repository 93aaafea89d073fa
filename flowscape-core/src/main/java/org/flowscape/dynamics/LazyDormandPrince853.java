package org.flowscape.dynamics;

import java.util.Arrays;
import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince853StateInterpolator;

/**
 * Hipparchus' Dormand–Prince 8(5,3) with its three dense-output stages computed only when the step is actually
 * interpolated. Hipparchus evaluates all 16 stages every step (12 new derivatives for the step and its error, and 3
 * more that only the interpolator reads): for a gradient flow that is 15 gradients per step where SciPy's DOP853
 * needs 12. Here the integrator's stage loop is cut after the first-same-as-last stage (the derivative at the step's
 * end), and the interpolator fills in the last three stages from the stored ones on first use — with exactly
 * Hipparchus' coefficients, so the dense output is unchanged.
 */
final class LazyDormandPrince853 extends DormandPrince853Integrator {
    private static final DormandPrince853Integrator FULL = new DormandPrince853Integrator(1, 1, 1, 1);
    private static final double[] C_FULL = FULL.getC();
    private static final double[][] A_FULL = FULL.getA();
    private static final double[] B_FULL = FULL.getB();
    /** Stages of the step itself: 12 plus the first-same-as-last derivative at the end. */
    private static final int STEP_STAGES = 13;

    LazyDormandPrince853(double minStep, double maxStep, double absoluteTolerance, double relativeTolerance) {
        super(minStep, maxStep, absoluteTolerance, relativeTolerance);
    }

    @Override
    public double[] getC() {
        return Arrays.copyOf(C_FULL, STEP_STAGES - 1);
    }

    @Override
    public double[][] getA() {
        double[][] a = new double[STEP_STAGES - 1][];
        for (int i = 0; i < a.length; i++) {
            a[i] = A_FULL[i].clone();
        }
        return a;
    }

    @Override
    public double[] getB() {
        return Arrays.copyOf(B_FULL, STEP_STAGES);
    }

    @Override
    protected DormandPrince853StateInterpolator createInterpolator(boolean forward, double[][] yDotK,
            ODEStateAndDerivative globalPreviousState, ODEStateAndDerivative globalCurrentState,
            EquationsMapper mapper) {
        return new Lazy(this, forward, yDotK, globalPreviousState, globalCurrentState, globalPreviousState,
                globalCurrentState, mapper, null);
    }

    /**
     * The extra stages k = 13..15 from the step's stages (read only), with the arithmetic of Hipparchus' stage loop
     * (y0 + h·Σ a_kj k_j, summed in stage order), so the dense output is the full integrator's to the last bit.
     */
    double[][] complete(double[][] stages, ODEStateAndDerivative previous, ODEStateAndDerivative current) {
        double[][] all = Arrays.copyOf(stages, C_FULL.length + 1);
        double t0 = previous.getTime();
        double h = current.getTime() - t0;
        double[] y0 = previous.getCompleteState();
        for (int k = STEP_STAGES; k < all.length; k++) {
            double[] y = new double[y0.length];
            for (int i = 0; i < y.length; i++) {
                double sum = A_FULL[k - 1][0] * all[0][i];
                for (int j = 1; j < k; j++) {
                    sum += A_FULL[k - 1][j] * all[j][i];
                }
                y[i] = y0[i] + h * sum;
            }
            all[k] = computeDerivatives(t0 + C_FULL[k - 1] * h, y);
        }
        return all;
    }

    /** The interpolator that completes its stages on first use and then delegates to a full one. */
    private static final class Lazy extends DormandPrince853StateInterpolator {
        private static final long serialVersionUID = 1L;
        private final transient LazyDormandPrince853 integrator;
        private final double[][] stages;
        private final ODEStateAndDerivative globalPrevious;
        private final ODEStateAndDerivative globalCurrent;
        private Lazy full;

        Lazy(LazyDormandPrince853 integrator, boolean forward, double[][] stages, ODEStateAndDerivative globalPrevious,
                ODEStateAndDerivative globalCurrent, ODEStateAndDerivative softPrevious,
                ODEStateAndDerivative softCurrent, EquationsMapper mapper, Lazy full) {
            super(forward, padded(stages), globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
            this.integrator = integrator;
            this.stages = stages;
            this.globalPrevious = globalPrevious;
            this.globalCurrent = globalCurrent;
            this.full = full;
        }

        private static double[][] padded(double[][] stages) {
            if (stages.length == C_FULL.length + 1) {
                return stages;
            }
            double[][] p = Arrays.copyOf(stages, C_FULL.length + 1);
            for (int k = stages.length; k < p.length; k++) {
                p[k] = new double[stages[0].length];
            }
            return p;
        }

        @Override
        protected DormandPrince853StateInterpolator create(boolean newForward, double[][] newYDotK,
                ODEStateAndDerivative newGlobalPrevious, ODEStateAndDerivative newGlobalCurrent,
                ODEStateAndDerivative newSoftPrevious, ODEStateAndDerivative newSoftCurrent,
                EquationsMapper newMapper) {
            return new Lazy(integrator, newForward, stages, newGlobalPrevious, newGlobalCurrent, newSoftPrevious,
                    newSoftCurrent, newMapper, full);
        }

        @Override
        protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
                double theta, double thetaH, double oneMinusThetaH) {
            if (stages.length == C_FULL.length + 1) {
                return super.computeInterpolatedStateAndDerivatives(mapper, time, theta, thetaH, oneMinusThetaH);
            }
            if (full == null) {
                double[][] all = integrator.complete(stages, globalPrevious, globalCurrent);
                full = new Lazy(integrator, isForward(), all, globalPrevious, globalCurrent, globalPrevious,
                        globalCurrent, mapper, null);
            }
            return full.computeInterpolatedStateAndDerivatives(mapper, time, theta, thetaH, oneMinusThetaH);
        }
    }
}
