package org.flowscape.geometry.basins;

/**
 * The per-initialization results of one width.
 *
 * @param width        k
 * @param basinValue   Bas of each initialization
 * @param kktGap       its certificate gap
 * @param certified    whether the certificate met the tolerance
 * @param method       how each value was found (see {@link BasinValue#method()})
 * @param initialLoss  the loss at each initialization
 * @param finalLoss    where training ended (NaN when not trained)
 * @param zeroLoss     L(0), the loss of the zero predictor
 */
public record WidthResult(int width, double[] basinValue, double[] kktGap, boolean[] certified, String[] method,
                          double[] initialLoss, double[] finalLoss, double zeroLoss) {

    /** The number of initializations. */
    public int inits() {
        return basinValue.length;
    }

    /** The Wilson 95% interval of P[Bas ≤ α]. */
    public Wilson basinBelow(double alpha) {
        return Wilson.of95(count(basinValue, alpha), inits());
    }

    /** The Wilson 95% interval of P[final loss ≤ α] (NaN losses count as failures). */
    public Wilson trainedBelow(double alpha) {
        return Wilson.of95(count(finalLoss, alpha), inits());
    }

    /** The Wilson 95% interval of P[L(W₀) &gt; L(0)] (Proposition 2's event). */
    public Wilson aboveZeroPredictor() {
        long c = 0;
        for (double l : initialLoss) {
            c += l > zeroLoss ? 1 : 0;
        }
        return Wilson.of95(c, inits());
    }

    /** The number of certified basin values. */
    public int certifiedCount() {
        int c = 0;
        for (boolean b : certified) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /** The mean of the final losses (NaN when not trained or when one diverged). */
    public double meanFinalLoss() {
        double s = 0;
        for (double l : finalLoss) {
            s += l;
        }
        return s / finalLoss.length;
    }

    /** The largest KKT gap. */
    public double maxGap() {
        double m = 0;
        for (double g : kktGap) {
            m = Math.max(m, g);
        }
        return m;
    }

    static long count(double[] values, double alpha) {
        long c = 0;
        for (double v : values) {
            c += v <= alpha ? 1 : 0;
        }
        return c;
    }
}
