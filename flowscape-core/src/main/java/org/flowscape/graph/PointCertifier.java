package org.flowscape.graph;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * Proves (or declines to prove) a polished point to be a unique critical point of a given index. The default
 * ({@link #forObjective}) is the interval Krawczyk certification of {@link Certifier} for the model objectives it
 * covers; anything else is reported as not certifiable, never guessed.
 */
@FunctionalInterface
public interface PointCertifier {

    /** The certificate of the critical point near θ (read only). */
    Certificate certify(double[] theta);

    /** The interval certifier for {@code objective} at degeneracy tolerance {@code zero}, or a refusing one. */
    static PointCertifier forObjective(Objective objective, Tolerance zero) {
        if (objective instanceof ModelObjective m) {
            return theta -> Certifier.certify(m, theta, zero);
        }
        return theta -> new Certificate(Certificate.Status.NOT_CERTIFIABLE, "not certifiable: the objective has "
                + "no interval enclosure here", theta, Double.NaN, Double.NaN, false, -1, Double.NaN,
                Certificate.DOUBLE);
    }

    /** A certifier that refuses every point with {@code reason} (certification not asked for). */
    static PointCertifier none(String reason) {
        return theta -> new Certificate(Certificate.Status.NOT_CERTIFIABLE, reason, theta, Double.NaN, Double.NaN,
                false, -1, Double.NaN, Certificate.DOUBLE);
    }
}
