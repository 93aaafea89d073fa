package org.flowscape.analysis;

import java.util.List;
import org.flowscape.linalg.Tolerance;

/**
 * Efficient or redundant, by the activation's identities and by the rank of the realisation Jacobian.
 *
 * @param redundant        some reducible rule fired (the realisation has a smaller network of the same type)
 * @param polynomiallyRedundant some rule fired, reducible or not (AFFINE_PAIR counts here only)
 * @param findings         every rule that fired, within {@code ruleTolerance}
 * @param distanceToRedundantSet the smallest distance from θ to any rule's set (reducible rules), also when none fired
 * @param jacobianRank     the rank of J = ∂f(θ; X)/∂θ (n × P) at {@code rankTolerance} relative to σ_max
 * @param parameterCount   P
 * @param baselineDeficit  the deficit every parameter point has for this activation (H for exp, else 0)
 * @param rankDeficit      P − jacobianRank
 * @param rankTestValid    n ≥ P, so the rank can reveal every deficit
 * @param consistent       rankTestValid and (no finding ⇔ rankDeficit == baselineDeficit)
 * @param ruleTolerance    the tolerance of the rules (abs + rel · scale; scale = max|a| or max‖u‖)
 * @param rankTolerance    the tolerance of the rank
 */
public record RedundancyReport(boolean redundant, boolean polynomiallyRedundant, List<RedundancyFinding> findings,
        double distanceToRedundantSet, int jacobianRank, int parameterCount, int baselineDeficit, int rankDeficit,
        boolean rankTestValid, boolean consistent, Tolerance ruleTolerance, Tolerance rankTolerance) {

    public RedundancyReport {
        findings = List.copyOf(findings);
    }
}
