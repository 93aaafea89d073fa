package org.flowscape.analysis;

/** The redundancy types of theory.md B.4 for f(x) = Σ aᵢ ψ(wᵢ·x + bᵢ) + c. */
public enum RedundancyKind {
    /** aᵢ = 0: (wᵢ, bᵢ) are free; Jacobian deficit d + 1. */
    DEAD_OUTPUT,
    /** wᵢ = 0: aᵢ ψ(bᵢ) is a constant absorbable into c; deficit 2. */
    CONSTANT_NEURON,
    /** (wᵢ, bᵢ) = (wⱼ, bⱼ): only aᵢ + aⱼ matters; deficit d + 2. */
    DUPLICATE,
    /**
     * (wᵢ, bᵢ) = −(wⱼ, bⱼ) for ψ odd up to a shift (ψ(−z) = 2c₀ − ψ(z): tanh, logistic, …) or even: the pair is one
     * neuron plus a constant; deficit d + 2.
     */
    SIGN_PAIR,
    /**
     * (wᵢ, bᵢ) = −(wⱼ, bⱼ) for ψ with ψ(z) − ψ(−z) = βz (softplus, gelu, swish): the pair is one neuron plus an affine
     * function, not a smaller network of the same type ("polynomially redundant"); deficit 2.
     */
    AFFINE_PAIR,
    /** ψ = exp and wᵢ = wⱼ (any biases): aᵢe^{bᵢ} + aⱼe^{bⱼ} is one coefficient; deficit d + 1 beyond the baseline. */
    EXP_SAME_DIRECTION
}
