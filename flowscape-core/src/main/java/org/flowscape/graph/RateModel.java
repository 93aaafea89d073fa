package org.flowscape.graph;

/**
 * The prefactor of a transition-state-theory rate out of minimum a over transition state t at temperature T,
 * k = ν exp(−(L_t − L_a)/T), in the harmonic approximation (all eigenvalues of both Hessians, unit masses and unit
 * friction).
 */
public enum RateModel {
    /**
     * Overdamped Langevin dynamics dθ = −∇L dt + √(2T) dW, the continuum limit of noisy gradient descent: Kramers'
     * high-friction rate in Langer's many-dimensional form, ν = |λ_t⁻|/(2π) · √(det H_a / |det H_t|).
     */
    OVERDAMPED,
    /**
     * Harmonic transition-state theory (Vineyard) for inertial dynamics with unit masses,
     * ν = (1/2π) ∏ω_a / ∏'ω_t = (1/2π) · √(|λ_t⁻| det H_a / |det H_t|) (∏' over the stable modes of t).
     */
    HARMONIC_TST;

    /** The prefactor ν from log det H_a, log |det H_t| and the unstable eigenvalue λ_t⁻ &lt; 0. */
    public double prefactor(double logDetMinimum, double logDetSaddle, double unstable) {
        double ratio = Math.exp(0.5 * (logDetMinimum - logDetSaddle)) / (2 * Math.PI);
        return this == OVERDAMPED ? Math.abs(unstable) * ratio : Math.sqrt(Math.abs(unstable)) * ratio;
    }

    /** The option spelling: {@code overdamped} or {@code htst}. */
    public String spec() {
        return this == OVERDAMPED ? "overdamped" : "htst";
    }

    /**
     * The model named by {@code s}.
     *
     * @throws IllegalArgumentException naming the accepted spellings
     */
    public static RateModel parse(String s) {
        return switch (s) {
            case "overdamped" -> OVERDAMPED;
            case "htst" -> HARMONIC_TST;
            default -> throw new IllegalArgumentException("unknown rate model '" + s + "'; use overdamped (Kramers "
                    + "high friction, Langevin gradient flow) or htst (harmonic TST, unit masses)");
        };
    }
}
