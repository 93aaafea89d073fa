package org.flowscape.geometry.basins;

/**
 * The KKT certificate of a basin program's solution u (theory.md D.3) for the constraints c_{g,t}(u) = a_{g,t}⟨u_g,
 * x_t⟩ ≥ 0 with multipliers λ ≥ 0, L the loss of the reduced program.
 *
 * @param primalViolation   max over constraints of max(0, −c_{g,t}) / ‖x_t‖ (a distance in weight space)
 * @param dualViolation     max over multipliers of max(0, −λ_{g,t}) (0 by construction: multipliers come from
 *                          non-negative least squares)
 * @param complementarity   Σ λ_{g,t} |c_{g,t}| (loss units)
 * @param stationarity      max over groups of ‖∇_{u_g} L − Σ_t λ_{g,t} a_{g,t} x_t‖₂
 * @param gap               a first-order estimate of L(u) − Bas (loss units): complementarity + Σ_g ‖stationarity
 *                          residual_g‖ max(1, ‖u_g‖) + Σ_{g,t} (violation_{g,t}/‖x_t‖) ‖∇_{u_g} L‖, 0 at an exact KKT
 *                          point; replaced by L(u) itself when smaller (Bas ≥ 0, so L(u) bounds L(u) − Bas)
 * @param tolerance         the gap accepted as certified
 */
public record KktCertificate(double primalViolation, double dualViolation, double complementarity,
                             double stationarity, double gap, double tolerance) {

    /** True when {@link #gap} and {@link #primalViolation} are both at most {@link #tolerance} (false for NaN). */
    public boolean certified() {
        return gap <= tolerance && primalViolation <= tolerance;
    }

    /** The certificate of a program without variables (no neuron is active anywhere): exact. */
    static KktCertificate trivial(double tolerance) {
        return new KktCertificate(0, 0, 0, 0, 0, tolerance);
    }
}
