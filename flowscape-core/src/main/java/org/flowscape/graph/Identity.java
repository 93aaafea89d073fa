package org.flowscape.graph;

import org.flowscape.analysis.CanonicalForm;
import org.flowscape.linalg.Vectors;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * Symmetry-aware identity of stationary points: a canonical representative of θ's orbit under the model's discrete
 * symmetries (permutations, sign flips, rescalings: {@link CanonicalForm}) and the alignment distance between two
 * points, the max-norm distance of their canonical forms. Two points are the same entry of the database when their
 * losses agree and their alignment distance is within {@link #tolerance} · (1 + ‖form‖∞). Interpolating between
 * canonical forms interpolates between aligned copies (weight matching by canonical order).
 *
 * @param network   the network whose symmetries are quotiented, or null for the identity map (closed-form
 *                  objectives)
 * @param tolerance relative distance under which two canonical forms are one point, &gt; 0
 */
public record Identity(Network network, double tolerance) {

    public Identity {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("identity tolerance must be > 0, got " + tolerance);
        }
    }

    /** The identity for {@code objective}: its network's symmetries when it is a model objective, else none. */
    public static Identity of(Objective objective, double tolerance) {
        Network net = objective instanceof ModelObjective m ? m.network() : null;
        return new Identity(net, tolerance);
    }

    /** The canonical form of θ (read only) as a new vector. Cost: O(P log P). */
    public double[] canonical(double[] theta) {
        return network == null ? theta.clone() : CanonicalForm.of(network, theta, tolerance);
    }

    /** The alignment distance ‖canonical(a) − canonical(b)‖∞ of two canonical forms (both read only). */
    public static double distance(double[] formA, double[] formB) {
        double d = 0;
        for (int i = 0; i < formA.length; i++) {
            d = Math.max(d, Math.abs(formA[i] - formB[i]));
        }
        return d;
    }

    /** True when two canonical forms (read only) are one point at this tolerance. */
    public boolean same(double[] formA, double[] formB) {
        double scale = 1 + Math.max(Vectors.normInf(formA), Vectors.normInf(formB));
        return distance(formA, formB) <= tolerance * scale;
    }
}
