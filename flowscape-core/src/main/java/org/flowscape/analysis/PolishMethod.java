package org.flowscape.analysis;

/** How {@link Polisher} drives ∇L to zero. */
public enum PolishMethod {
    /**
     * Newton's method on L inside a trust region (a Cholesky solve where H is positive definite and the step fits,
     * else the exact Moré–Sorensen subproblem through the Hessian's eigendecomposition): a globally convergent
     * minimizer, quadratically convergent at a non-degenerate minimum; it leaves saddles. Each accepted point costs
     * one dense Hessian.
     */
    NEWTON,
    /**
     * Levenberg–Marquardt on the equation ∇L = 0, i.e. Gauss–Newton steps on the merit ½‖∇L‖² whose gradient is
     * H∇L: converges to critical points of any index, quadratically at non-degenerate ones.
     */
    LEVENBERG_MARQUARDT,
    /**
     * A minimizer for squared-error objectives L = (c/2)‖f(θ) − y‖²: Levenberg–Marquardt on the residuals, each step
     * s = −Jᵀ(JJᵀ + νI)⁻¹r from one Cholesky solve in the n·k outputs (no Hessian, no eigensolve), which ignores the
     * residual term of H and so leaves negative-curvature regions of L in few steps; when L stagnates (a minimum with
     * non-zero residual) it hands over to {@link #NEWTON} for the last, quadratically convergent steps, and with more
     * outputs than parameters it is {@link #NEWTON} from the start. Only for a {@code ModelObjective} with a
     * squared-error loss.
     */
    GAUSS_NEWTON
}
