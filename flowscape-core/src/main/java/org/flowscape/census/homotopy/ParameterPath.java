package org.flowscape.census.homotopy;

/**
 * A path t(τ), τ ∈ [0, 1], in the complex homotopy parameter, with its derivative: a straight segment, or an arc of
 * the circle |1 − t| = r that the Cauchy endgame winds around.
 */
interface ParameterPath {
    /** Writes t(τ) and dt/dτ into {@code out} as {re t, im t, re t', im t'} (overwritten). */
    void at(double tau, double[] out);

    /** The segment from a to b (complex, as re/im pairs). */
    static ParameterPath segment(double aRe, double aIm, double bRe, double bIm) {
        return (tau, out) -> {
            out[0] = aRe + tau * (bRe - aRe);
            out[1] = aIm + tau * (bIm - aIm);
            out[2] = bRe - aRe;
            out[3] = bIm - aIm;
        };
    }

    /** t = 1 − r·e^{iφ} for φ from φ0 to φ1. */
    static ParameterPath arc(double r, double phi0, double phi1) {
        return (tau, out) -> {
            double phi = phi0 + tau * (phi1 - phi0);
            double c = Math.cos(phi);
            double s = Math.sin(phi);
            out[0] = 1 - r * c;
            out[1] = -r * s;
            out[2] = r * s * (phi1 - phi0);
            out[3] = -r * c * (phi1 - phi0);
        };
    }
}
