package org.flowscape.experiment;

/**
 * One critical point as stored in {@code critical_points}. Doubles may be NaN for "not computed", and
 * {@code certified} is false when certification was not asked for or did not succeed.
 *
 * @param index the point's position among the run's points (0-based)
 * @param loss the loss value
 * @param gradNorm ‖∇L‖ (Euclidean)
 * @param morseIndex the number of negative Hessian eigenvalues at the run's tolerance
 * @param nullity the number of eigenvalues within the tolerance of zero
 * @param orbitDim the dimension of the model's symmetry orbit at the point
 * @param efficient whether the point is efficient (paper B); false when not applicable
 * @param certified whether a Krawczyk certificate was obtained
 * @param certRadius the certified box radius, NaN when not certified
 * @param lambdaMin the smallest Hessian eigenvalue
 * @param lambdaMax the largest Hessian eigenvalue
 */
public record CriticalPointRow(int index, double loss, double gradNorm, int morseIndex, int nullity, int orbitDim,
                               boolean efficient, boolean certified, double certRadius, double lambdaMin,
                               double lambdaMax) {
}
