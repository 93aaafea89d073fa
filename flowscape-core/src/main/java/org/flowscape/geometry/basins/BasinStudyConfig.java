package org.flowscape.geometry.basins;

import org.flowscape.loss.SquaredError;

/**
 * What a basin Monte-Carlo study computes.
 *
 * @param widths        the widths k, each ≥ 1
 * @param inits         initializations per width
 * @param alpha         the threshold of P[Bas ≤ α]
 * @param seed          root seed; initialization i of width k uses the stream (seed, "basins/init/k=K", i)
 * @param train         {@code none}, {@code gd} (full-batch descent) or {@code gf} (gradient flow, DOP853)
 * @param steps         descent steps (gd), or the flow horizon steps·eta (gf)
 * @param eta           step size (gd) or time unit (gf)
 * @param threads       worker threads (results do not depend on it)
 * @param tolerance     the KKT gap accepted as certified
 * @param normalization the squared-loss normalization of both the basin value and the training loss
 * @param initialization the distribution of the starts
 */
public record BasinStudyConfig(int[] widths, int inits, double alpha, long seed, String train, int steps,
                               double eta, int threads, double tolerance,
                               SquaredError.Normalization normalization, Initialization initialization) {
    public BasinStudyConfig {
        widths = widths.clone();
        java.util.Objects.requireNonNull(initialization, "initialization");
        if (initialization.fixedOutput() && !"none".equals(train)) {
            throw new IllegalArgumentException("the single-neuron model keeps its output weight fixed, which the "
                    + "trainers do not: use --train none with it");
        }
    }

    /** A study with starts from {@link Initialization#DEFAULT}. */
    public BasinStudyConfig(int[] widths, int inits, double alpha, long seed, String train, int steps, double eta,
            int threads, double tolerance, SquaredError.Normalization normalization) {
        this(widths, inits, alpha, seed, train, steps, eta, threads, tolerance, normalization,
                Initialization.DEFAULT);
    }

    /** True when runs are trained. */
    public boolean trained() {
        return !"none".equals(train);
    }
}
