package org.flowscape.analysis;

/**
 * One detected redundancy.
 *
 * @param kind            the rule
 * @param first           neuron i (0-based)
 * @param second          neuron j for pair rules, −1 otherwise
 * @param distance        the Euclidean distance from θ to the rule's set ({aᵢ = 0}: |aᵢ|; {wᵢ = 0}: ‖wᵢ‖;
 *                        {uᵢ = ±uⱼ}: ‖uᵢ ∓ uⱼ‖/√2 with u = (w, b); {wᵢ = wⱼ}: ‖wᵢ − wⱼ‖/√2)
 * @param reducible       whether pruning removes a neuron while keeping the function (false for AFFINE_PAIR)
 * @param expectedDeficit the rank deficit of the realisation Jacobian this redundancy causes on its own (B.4)
 */
public record RedundancyFinding(RedundancyKind kind, int first, int second, double distance, boolean reducible,
        int expectedDeficit) {
}
