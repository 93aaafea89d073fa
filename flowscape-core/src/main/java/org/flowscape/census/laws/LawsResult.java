package org.flowscape.census.laws;

import java.util.List;
import org.flowscape.census.homotopy.Polynomial;

/**
 * The conservation laws of a network's gradient flows.
 *
 * @param model          the model spec
 * @param parameters     D, the number of parameters
 * @param reparametrisation {@code end-to-end} or {@code path-lifting}
 * @param components     the number of components of φ
 * @param lie            the Lie algebra computation
 * @param count          D − dim Lie(∇φ)(θ): the number of independent conservation laws
 * @param quadratic      a basis of the laws of degree ≤ 2 (integer coefficients, variables θ1 … θD)
 * @param known          the laws declared in the literature for this architecture
 * @param knownConserved every declared law lies in the discovered space of quadratic laws
 * @param seed           root seed of the random point
 * @param prime          the prime p of the exact arithmetic
 * @param seconds        wall-clock time
 */
public record LawsResult(String model, int parameters, String reparametrisation, int components,
        LieAlgebraRank.Result lie, int count, List<Polynomial> quadratic, List<Polynomial> known,
        boolean knownConserved, long seed, long prime, double seconds) {
    public LawsResult {
        quadratic = List.copyOf(quadratic);
        known = List.copyOf(known);
    }

    /** The closed-form count of the declared laws (their number). */
    public int closedForm() {
        return known.size();
    }

    /**
     * True when discovery and declaration agree: the declared laws are conserved, they span all the quadratic laws
     * (same count), and every law is quadratic (the count equals the number of quadratic laws).
     */
    public boolean agrees() {
        return knownConserved && known.size() == quadratic.size() && count == quadratic.size();
    }
}
