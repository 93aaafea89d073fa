package org.flowscape.analysis.precise;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.ModelObjective;

/**
 * Certification in the cheapest arithmetic that succeeds: the double-precision {@link Certifier} first, and when its
 * tests ran but did not succeed (NOT_PROVED) on a model the {@link PreciseCertifier} handles, the extended-precision
 * certificate at {@link PreciseCertifier#DEFAULT_DIGITS} digits. A point the double certifier refuses as degenerate
 * at {@code degeneracy} stays refused: the tolerance is the caller's statement of what counts as zero.
 */
public final class Certification {
    private Certification() {
    }

    /** The certificate of the critical point near θ (read only); its {@code digits} says which arithmetic gave it. */
    public static Certificate certify(ModelObjective objective, double[] theta, Tolerance degeneracy) {
        Attempts a = attempts(objective, theta, degeneracy);
        return a.precise() == null ? a.quick()
                : a.precise().toCertificate("double precision: " + a.quick().reason() + "; then ");
    }

    /** Both attempts in full: the double-precision certificate and, when it was not proved, the precise one. */
    public static Attempts attempts(ModelObjective objective, double[] theta, Tolerance degeneracy) {
        Certificate quick = Certifier.certify(objective, theta, degeneracy);
        PreciseCertificate precise = quick.status() == Certificate.Status.NOT_PROVED
                && PreciseCertifier.refusal(objective) == null
                ? PreciseCertifier.certify(objective, theta, PreciseCertifier.DEFAULT_DIGITS) : null;
        return new Attempts(quick, precise);
    }

    /**
     * The two attempts.
     *
     * @param quick   the double-precision certificate
     * @param precise the extended-precision one, or null when not attempted
     */
    public record Attempts(Certificate quick, PreciseCertificate precise) {
        /** Whether either attempt certified the point. */
        public boolean certified() {
            return quick.certified() || precise != null && precise.certified();
        }
    }
}
