package org.flowscape.analysis;

/**
 * One iteration of a polish, recorded before the step is taken.
 *
 * @param iteration    0-based
 * @param value        L(θ)
 * @param gradientNorm ‖∇L(θ)‖₂
 * @param stepNorm     ‖s‖₂ of the trial step (0 when none was tried)
 * @param parameter    the trust radius (Newton, eigenvector following) or the damping μ (Levenberg–Marquardt)
 * @param accepted     whether the trial step was taken
 */
public record PolishStep(int iteration, double value, double gradientNorm, double stepNorm, double parameter,
        boolean accepted) {
}
