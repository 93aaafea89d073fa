package org.flowscape.geometry.basins;

/**
 * The distribution random starts are drawn from. Hidden weights w_j ~ N(0, σ²/d · I) ({@code fanIn}, Assumption 1
 * of the basins paper) or N(0, σ² I) (standard), σ = {@code scale}; output weights v_j ~ N(0, σ²/k) or N(0, σ²), or
 * all fixed to +1 ({@code fixedOutput}: the single-neuron model x ↦ [w·x]_+ of the hardness results when k = 1, whose
 * basin is then that of width 1 with output sign +). The default ({@link #DEFAULT}: σ = 1, fan-in, free outputs)
 * draws the same bits as before this choice existed.
 *
 * @param scale σ &gt; 0
 * @param fanIn variances divided by the fan-in (d for w, k for v)
 * @param fixedOutput v = +1 instead of random (only w is drawn)
 */
public record Initialization(double scale, boolean fanIn, boolean fixedOutput) {
    /** σ = 1, N(0, 1/fan-in), random outputs. */
    public static final Initialization DEFAULT = new Initialization(1, true, false);

    public Initialization {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("--init-scale must be a finite number > 0, got " + scale);
        }
    }

    /** The standard deviation of each hidden weight at input dimension d. */
    double hiddenSd(int d) {
        return fanIn ? scale / Math.sqrt(d) : scale;
    }

    /** The standard deviation of each output weight at width k. */
    double outputSd(int k) {
        return fanIn ? scale / Math.sqrt(k) : scale;
    }
}
