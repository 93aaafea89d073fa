package org.flowscape.census.laws;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.census.homotopy.Polynomial;
import org.flowscape.model.Network;

/**
 * Discovers the conservation laws of the gradient flows of a network, for every loss and data set at once: the number
 * of independent laws, D − dim Lie(∇φ)(θ) at a random θ, exactly modulo p ({@link LieAlgebraRank}), and the laws of
 * degree ≤ 2 as the kernel of a rational linear system ({@link QuadraticLaws}), compared with the laws declared in
 * the literature ({@link KnownLaws}). Marcotte, Gribonval &amp; Peyré, Abide by the law and follow the flow:
 * conservation laws for gradient flows, NeurIPS 2023.
 */
public final class ConservationLaws {
    private ConservationLaws() {
    }

    /**
     * The census of laws of {@code net}.
     *
     * @param seed root seed of the random point
     * @throws IllegalArgumentException when the network has no polynomial reparametrisation
     */
    public static LawsResult discover(Network net, long seed) {
        long start = System.nanoTime();
        Reparametrisation phi = Reparametrisation.of(net);
        int d = net.parameterCount();
        List<ModPolynomial> mod = new ArrayList<>();
        for (Polynomial f : phi.components()) {
            mod.add(ModPolynomial.of(f));
        }
        LieAlgebraRank.Result lie = LieAlgebraRank.compute(mod, d, seed);
        QuadraticLaws quadratic = new QuadraticLaws(phi.components(), d);
        List<Polynomial> known = KnownLaws.of(net);
        boolean allConserved = known.stream().allMatch(quadratic::conserves);
        return new LawsResult(net.spec(), d, phi.kind(), phi.components().size(), lie, d - lie.dimension(),
                quadratic.laws(), known, allConserved, seed, ModPolynomial.P, (System.nanoTime() - start) / 1e9);
    }
}
