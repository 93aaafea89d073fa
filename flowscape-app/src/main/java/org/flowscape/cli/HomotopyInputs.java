package org.flowscape.cli;

import org.flowscape.census.homotopy.ActivationPattern;
import org.flowscape.census.homotopy.ExpressionPolynomials;
import org.flowscape.census.homotopy.HomotopyCensus;
import org.flowscape.census.homotopy.NetworkPolynomials;
import org.flowscape.census.homotopy.PolynomialLoss;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.spec.Problem;

/**
 * The polynomial loss of a problem for the homotopy census: a closed-form model {@code fn:EXPR} folded into a
 * polynomial, or a network on its data with its loss; plus the weight decay. A network with relu-family activations
 * is taken within the activation pattern of the problem's θ ({@code --params}, or the seeded initialisation).
 */
final class HomotopyInputs {
    private HomotopyInputs() {
    }

    /** The loss L(θ) + λ/2‖θ‖² of {@code p} as a polynomial. */
    static PolynomialLoss polynomialLoss(Problem p) {
        if (p.isClosedForm()) {
            return ExpressionPolynomials.of(p.closedForm().expression().spec(), p.dim()).withWeightDecay(p.l2());
        }
        Network net = p.network();
        ActivationPattern pattern = piecewise(net) ? pattern(p) : null;
        return NetworkPolynomials.loss(net, p.data().inputs(), p.data().targets(), p.loss(), pattern)
                .withWeightDecay(p.l2());
    }

    /** The margin check of real solutions in the activation pattern, or null for a polynomial network. */
    static HomotopyCensus.PatternCheck patternCheck(Problem p) {
        if (p.isClosedForm() || !piecewise(p.network())) {
            return null;
        }
        ActivationPattern pattern = pattern(p);
        return theta -> pattern.margin(p.network(), p.data().inputs(), theta);
    }

    private static ActivationPattern pattern(Problem p) {
        return ActivationPattern.at(p.network(), p.data().inputs(), p.theta());
    }

    private static boolean piecewise(Network net) {
        for (int l = 0; l + 1 < net.depth(); l++) {
            DenseLayer layer = net.layers().get(l);
            if (!layer.activation().traits().analytic()) {
                return true;
            }
        }
        return false;
    }
}
