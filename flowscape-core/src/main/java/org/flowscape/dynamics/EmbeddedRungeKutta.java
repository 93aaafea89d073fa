package org.flowscape.dynamics;

import org.hipparchus.util.FastMath;

/**
 * An allocation-free adaptive explicit Runge–Kutta integrator run from an {@link ExplicitTableau} (Dormand–Prince
 * 5(4) and 8(5,3)), forward in time. All buffers (the stages, P doubles each, and a few work vectors) are allocated
 * once per integrator; a step allocates nothing.
 *
 * <p>Why our own: Hipparchus' {@code EmbeddedRungeKuttaIntegrator} allocates a new derivative array per stage and a
 * state object, an interpolator and mapped copies per step, and combines the stages in strided scalar loops (a
 * profile of the W2 flow put 28% of the time there and 19% in the wrapper). Here every stage combination is a
 * sequence of contiguous passes over P doubles (up to four stages per pass) that C2 vectorizes. Hipparchus stays the
 * reference (the tests compare accepted steps and dense output on non-stiff problems) and supplies the methods we do
 * not write (classical RK4 in {@link HipparchusFlow}).
 *
 * <p>Step-size control: exactly Hipparchus' semantics for its Dormand–Prince integrators (which follow Hairer's
 * DOPRI5/DOP853 codes in the error norms, DOP853's combined 5th/3rd-order estimate and the starting step, but not in
 * every constant), with the arithmetic of each stage, of y1 and of the error sums done in Hipparchus' order of
 * operations. The one difference: the step factor err^(−1/order) uses the JDK's {@code Math.pow} (an intrinsic that
 * allocates nothing) where Hipparchus' {@code FastMath.pow} allocates two small arrays per call; the two differ by
 * one ulp for about one error value in 1 500, so the accepted steps agree with Hipparchus' to ≈ 1e-16 relative
 * rather than bit for bit (the tests hold them to 1e-12).
 * <ul>
 * <li>error norm: see {@link ExplicitTableau}; the step is accepted when err &lt; 1;</li>
 * <li>new step h·min(10, max(0.2, 0.9·err^(−1/order))) after an acceptance and after a rejection alike (Hairer's
 * DOP853 uses 1/3 and 6 and does not grow right after a rejection; DOPRI5 adds a PI term 0.04);</li>
 * <li>a rejected step whose reduced size falls below minStep ends the run ({@link Outcome#STEP_TOO_SMALL}); after an
 * accepted step a too-small proposal is raised to minStep only when it would reach the end;</li>
 * <li>steps are capped at maxStep and clipped to end exactly at tEnd;</li>
 * <li>starting step (Hairer's HINIT): h0 = 0.01·‖y0‖/‖f0‖ (1e-6 if either is below 1e-5 in the weighted norm),
 * one explicit Euler step for ‖f'‖, then min(100 h0, (0.01 / max(‖f0‖, ‖f'‖))^(1/order)) within [minStep,
 * maxStep]; one extra derivative.</li>
 * </ul>
 *
 * <p>Dense output (this class is the {@link StepInterpolant} of the last accepted step): DOPRI5 Shampine's
 * 4th-order extension, DOP853 Hairer's 7th-order one, whose three extra derivatives are computed on the first call
 * for a step. Cost per step: the tableau's new stages (6 or 12 derivatives) plus ≈ 2·(stage coefficients)·P flops.
 */
final class EmbeddedRungeKutta implements StepInterpolant {
    static final double SAFETY = 0.9;
    static final double MIN_REDUCTION = 0.2;
    static final double MAX_GROWTH = 10.0;
    private static final int PASS = 4;

    /** The right-hand side y' = f(t, y): writes f into {@code yDot} (length P, overwritten); y read only. */
    @FunctionalInterface
    interface Rhs {
        void derivative(double t, double[] y, double[] yDot);
    }

    /** Receives each accepted step (the integrator, as its interpolant); returns false to stop. */
    @FunctionalInterface
    interface Handler {
        boolean accepted(EmbeddedRungeKutta step);
    }

    /** How a run ended. */
    enum Outcome { END_REACHED, STOPPED, STEP_TOO_SMALL }

    private final ExplicitTableau tab;
    private final int dim;
    private final double rtol;
    private final double atol;
    private final double minStep;
    private final double maxStep;
    private final double exponent;
    private final double[][] k;
    private final double[] y0;
    private final double[] y1;
    private final double[] stage;
    private final double[] err1;
    private final double[] err2;
    private final double[] acc;
    private final int[] nonzeroE1;
    private final int[] nonzeroE2;
    private final double[] weights;
    private final double[] basis;
    private final int[][] nonzeroA;
    private Rhs rhs;
    private double t0;
    private double t1;
    private double h;
    private boolean extrasDone;
    private long rejected;
    private double failedStep;

    /**
     * @param tab     the pair
     * @param dim     P
     * @param rtol    relative tolerance
     * @param atol    absolute tolerance
     * @param minStep smallest step before the run fails (the last step may be smaller)
     * @param maxStep largest step
     */
    EmbeddedRungeKutta(ExplicitTableau tab, int dim, double rtol, double atol, double minStep, double maxStep) {
        this.tab = tab;
        this.dim = dim;
        this.rtol = rtol;
        this.atol = atol;
        this.minStep = Math.abs(minStep);
        this.maxStep = Math.abs(maxStep);
        this.exponent = -1.0 / tab.order();
        this.k = new double[tab.stages()][dim];
        this.y0 = new double[dim];
        this.y1 = new double[dim];
        this.stage = new double[dim];
        this.err1 = new double[dim];
        this.err2 = new double[dim];
        this.acc = new double[dim];
        this.nonzeroE1 = nonzero(tab.e1());
        this.nonzeroE2 = nonzero(tab.e2());
        this.weights = new double[tab.stages()];
        this.basis = new double[tab.dense().length];
        this.nonzeroA = new int[tab.stages()][];
        for (int s = 0; s < tab.stages(); s++) {
            nonzeroA[s] = nonzero(tab.a()[s]);
        }
    }

    /**
     * Integrates from (t, yStart) with f(t, yStart) = fStart (both read only, length P) up to tEnd &gt; t, handing
     * each accepted step to {@code handler}.
     */
    Outcome integrate(Rhs f, double t, double[] yStart, double[] fStart, double tEnd, Handler handler) {
        this.rhs = f;
        System.arraycopy(yStart, 0, y0, 0, dim);
        System.arraycopy(fStart, 0, k[0], 0, dim);
        double hNew = initialStep(t);
        while (true) {
            double error = 10;
            while (error >= 1.0) {
                h = t + hNew >= tEnd ? tEnd - t : hNew;
                stages(t);
                error = error();
                if (error >= 1.0) {
                    rejected++;
                    double reduced = h * factor(error);
                    if (Math.abs(reduced) < minStep) {
                        failedStep = reduced;
                        return Outcome.STEP_TOO_SMALL;
                    }
                    hNew = Math.min(reduced, maxStep);
                }
            }
            t0 = t;
            t1 = t + h;
            extrasDone = false;
            boolean last = Math.abs(t1 - tEnd) < FastMath.ulp(tEnd);
            if (!handler.accepted(this)) {
                return Outcome.STOPPED;
            }
            if (last) {
                return Outcome.END_REACHED;
            }
            advance();
            t = t1;
            double scaled = h * factor(error);
            if (Math.abs(scaled) < minStep) {
                if (t + scaled < tEnd) {
                    failedStep = scaled;
                    return Outcome.STEP_TOO_SMALL;
                }
                scaled = minStep;
            }
            hNew = Math.min(scaled, maxStep);
            if (t + hNew >= tEnd) {
                hNew = tEnd - t;
            }
        }
    }

    private double factor(double error) {
        return Math.min(MAX_GROWTH, Math.max(MIN_REDUCTION, SAFETY * Math.pow(error, exponent)));
    }

    /** Rejected steps so far. */
    long rejected() {
        return rejected;
    }

    /** The step size that fell below minStep, when the run ended with {@link Outcome#STEP_TOO_SMALL}. */
    double failedStep() {
        return failedStep;
    }

    /** The accepted step's end state y1 (a view: valid until the handler returns). */
    double[] endState() {
        return y1;
    }

    /** The derivative at y1 (the FSAL stage; a view: valid until the handler returns). */
    double[] endDerivative() {
        return k[tab.stepStages() - 1];
    }

    @Override
    public double startTime() {
        return t0;
    }

    @Override
    public double endTime() {
        return t1;
    }

    /**
     * The continuous extension at t in [t0, t1] into {@code out} (length P, overwritten); with Hipparchus' rounding
     * (θ = (t − t0)/(t1 − t0), from y0 for θ ≤ ½ and from y1 beyond). The first call in a step of DOP853 evaluates its
     * three extra stages through the right-hand side.
     */
    @Override
    public void state(double t, double[] out) {
        if (Math.abs(t1 - t0) <= FastMath.ulp(t1)) {
            System.arraycopy(y1, 0, out, 0, dim);
            return;
        }
        if (!extrasDone) {
            for (int s = tab.stepStages(); s < tab.stages(); s++) {
                stageInput(s, stage);
                rhs.derivative(t0 + tab.c()[s] * h, stage, k[s]);
            }
            extrasDone = true;
        }
        double thetaH = t - t0;
        double oneMinusThetaH = t1 - t;
        double theta = thetaH / (t1 - t0);
        double eta = 1 - theta;
        boolean fromStart = theta <= 0.5;
        basis[0] = fromStart ? thetaH : -oneMinusThetaH;
        for (int r = 1; r < basis.length; r++) {
            if (r == 1 && !fromStart) {
                basis[1] = -basis[0] * theta;
            } else {
                basis[r] = basis[r - 1] * (r % 2 == 1 ? eta : theta);
            }
        }
        double[][] d = tab.dense();
        for (int s = 0; s < weights.length; s++) {
            double w = basis[0] * d[0][s];
            for (int r = 1; r < basis.length; r++) {
                w += basis[r] * d[r][s];
            }
            weights[s] = w;
        }
        System.arraycopy(fromStart ? y0 : y1, 0, out, 0, dim);
        for (int s = 0; s < weights.length; s++) {
            if (weights[s] != 0) {
                axpy(weights[s], k[s], out);
            }
        }
    }

    /** Hipparchus' and Hairer's starting step from (y0, f0 = k[0]); one derivative (into k[1]). */
    private double initialStep(double t) {
        double yOnScale2 = 0;
        double yDotOnScale2 = 0;
        for (int j = 0; j < dim; j++) {
            double scale = atol + rtol * Math.abs(y0[j]);
            double ratio = y0[j] / scale;
            yOnScale2 += ratio * ratio;
            double ratioDot = k[0][j] / scale;
            yDotOnScale2 += ratioDot * ratioDot;
        }
        double h0 = yOnScale2 < 1.0e-10 || yDotOnScale2 < 1.0e-10 ? 1.0e-6 : 0.01 * Math.sqrt(yOnScale2 / yDotOnScale2);
        for (int j = 0; j < dim; j++) {
            stage[j] = y0[j] + h0 * k[0][j];
        }
        rhs.derivative(t + h0, stage, k[1]);
        double yDDotOnScale = 0;
        for (int j = 0; j < dim; j++) {
            double scale = atol + rtol * Math.abs(y0[j]);
            double ratioDotDot = (k[1][j] - k[0][j]) / scale;
            yDDotOnScale += ratioDotDot * ratioDotDot;
        }
        yDDotOnScale = Math.sqrt(yDDotOnScale) / h0;
        double maxInv2 = Math.max(Math.sqrt(yDotOnScale2), yDDotOnScale);
        double h1 = maxInv2 < 1.0e-15 ? Math.max(1.0e-6, 0.001 * Math.abs(h0))
                : FastMath.pow(0.01 / maxInv2, 1.0 / tab.order());
        double hh = Math.min(100.0 * Math.abs(h0), h1);
        hh = Math.max(hh, 1.0e-12 * Math.abs(t));
        return Math.min(Math.max(hh, minStep), maxStep);
    }

    /** The step's new stages k[1..] (the last at y1, which it leaves in {@link #y1}) for step size {@link #h}. */
    private void stages(double t) {
        int last = tab.stepStages() - 1;
        for (int s = 1; s < last; s++) {
            stageInput(s, stage);
            rhs.derivative(t + tab.c()[s] * h, stage, k[s]);
        }
        stageInput(last, y1);
        rhs.derivative(t + h, y1, k[last]);
    }

    /** out = y0 + h·Σ_l a_sl k_l, summed in stage order as Hipparchus does (zero coefficients skipped). */
    private void stageInput(int s, double[] out) {
        combine(tab.a()[s], nonzeroA[s], acc);
        double hh = h;
        for (int j = 0; j < dim; j++) {
            out[j] = y0[j] + hh * acc[j];
        }
    }

    /** acc = Σ_l w_l k_l over the listed nonzero l, left to right, in passes of up to four stages. */
    private void combine(double[] w, int[] idx, double[] acc) {
        int first = idx[0];
        scale(w[first], k[first], acc);
        int i = 1;
        for (; i + PASS - 1 < idx.length; i += PASS) {
            int l0 = idx[i];
            int l1 = idx[i + 1];
            int l2 = idx[i + 2];
            int l3 = idx[i + 3];
            add4(w[l0], k[l0], w[l1], k[l1], w[l2], k[l2], w[l3], k[l3], acc);
        }
        for (; i < idx.length; i++) {
            axpy(w[idx[i]], k[idx[i]], acc);
        }
    }

    /** The weighted error norm of the step just computed (y0, y1, stages). */
    private double error() {
        combine(tab.e1(), nonzeroE1, err1);
        if (!tab.twoEstimators()) {
            double error = 0;
            for (int j = 0; j < dim; j++) {
                double yScale = Math.max(Math.abs(y0[j]), Math.abs(y1[j]));
                double tol = atol + rtol * yScale;
                double ratio = h * err1[j] / tol;
                error += ratio * ratio;
            }
            return Math.sqrt(error / dim);
        }
        combine(tab.e2(), nonzeroE2, err2);
        double error1 = 0;
        double error2 = 0;
        for (int j = 0; j < dim; j++) {
            double yScale = Math.max(Math.abs(y0[j]), Math.abs(y1[j]));
            double tol = atol + rtol * yScale;
            double ratio1 = err1[j] / tol;
            error1 += ratio1 * ratio1;
            double ratio2 = err2[j] / tol;
            error2 += ratio2 * ratio2;
        }
        double den = error1 + 0.01 * error2;
        if (den <= 0.0) {
            den = 1.0;
        }
        return Math.abs(h) * error1 / Math.sqrt(dim * den);
    }

    /** The accepted step's end becomes the next start: y0 ↔ y1 and k0 ↔ k_FSAL by swapping references. */
    private void advance() {
        System.arraycopy(y1, 0, y0, 0, dim);
        int fsal = tab.stepStages() - 1;
        double[] kk = k[0];
        k[0] = k[fsal];
        k[fsal] = kk;
    }

    private static int[] nonzero(double[] w) {
        int count = 0;
        for (double v : w) {
            if (v != 0) {
                count++;
            }
        }
        int[] idx = new int[count];
        int n = 0;
        for (int l = 0; l < w.length; l++) {
            if (w[l] != 0) {
                idx[n++] = l;
            }
        }
        return idx;
    }

    private static void scale(double a, double[] x, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = a * x[j];
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static void add4(double a0, double[] x0, double a1, double[] x1, double a2, double[] x2, double a3,
            double[] x3, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = y[j] + a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
        }
    }
}
