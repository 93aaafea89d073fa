package org.flowscape.graph;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.census.Enclosures;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/**
 * Proves (or declines to prove) a polished point to be a unique critical point of a given index. The default
 * ({@link #forObjective}) is the interval Krawczyk certification of {@link Certifier}'s method over the census'
 * enclosures; anything else is reported as not certifiable, never guessed.
 */
@FunctionalInterface
public interface PointCertifier {

    /** The certificate of the critical point near θ (read only). */
    Certificate certify(double[] theta);

    /**
     * The interval certifier for {@code objective} at degeneracy tolerance {@code zero}: Krawczyk and a proved
     * inertia over the census' enclosures ({@code fn:} models, squared-error networks, with weight decay), else one
     * that refuses every point with the reason.
     */
    static PointCertifier forObjective(Objective objective, Tolerance zero) {
        String refusal = Enclosures.refusal(objective);
        if (refusal == null) {
            return new BoxCertifier(objective, zero);
        }
        return none(refusal.replace("no interval enclosure for the census", "not certifiable"));
    }

    /** A certifier that refuses every point with {@code reason} (certification not asked for). */
    static PointCertifier none(String reason) {
        return theta -> new Certificate(Certificate.Status.NOT_CERTIFIABLE, reason, theta, Double.NaN, Double.NaN,
                false, -1, Double.NaN, Certificate.DOUBLE);
    }
}
