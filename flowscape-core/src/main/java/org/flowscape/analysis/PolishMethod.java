package org.flowscape.analysis;

/** How {@link Polisher} drives ∇L to zero. */
public enum PolishMethod {
    /**
     * Newton's method on L inside a trust region (exact subproblem through the Hessian's eigendecomposition, Moré–
     * Sorensen): a globally convergent minimizer, quadratically convergent at a non-degenerate minimum; it leaves
     * saddles.
     */
    NEWTON,
    /**
     * Levenberg–Marquardt on the equation ∇L = 0, i.e. Gauss–Newton steps on the merit ½‖∇L‖² whose gradient is
     * H∇L: converges to critical points of any index, quadratically at non-degenerate ones.
     */
    LEVENBERG_MARQUARDT
}
