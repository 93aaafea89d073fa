package org.flowscape.analysis;

/**
 * A stochastic estimate of tr H(θ).
 *
 * @param estimate      the trace estimate
 * @param standardError the sample standard deviation of the stochastic part over √(its probe count); the exact part
 *                      of Hutch++ (the trace on the sketched subspace) contributes none
 * @param matvecs       Hessian-vector products used
 * @param method        {@code hutchinson} or {@code hutch++}
 * @param seed          root seed of the probes
 */
public record TraceEstimate(double estimate, double standardError, int matvecs, String method, long seed) {
}
