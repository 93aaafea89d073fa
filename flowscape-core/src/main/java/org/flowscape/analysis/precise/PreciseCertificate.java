package org.flowscape.analysis.precise;

import org.flowscape.analysis.Certificate;

/**
 * The outcome of an extended-precision certification ({@link PreciseCertifier}). Doubles that bound something are
 * rounded outward from the exact decimal bounds (lower bounds down, upper bounds up).
 *
 * @param status         CERTIFIED, NOT_PROVED or NOT_CERTIFIABLE, as {@link Certificate.Status}
 * @param reason         one line saying why, for every status
 * @param digits         the working precision in significant decimal digits
 * @param newtonSteps    Newton steps taken in extended precision from the double-precision point
 * @param gradientBound  an upper bound of ‖∇L‖∞ at the refined centre (NaN when not reached)
 * @param shift          max |refined centre − input point| (how far double precision had left the critical point)
 * @param center         the refined centre rounded to double (the box itself is centred on the unrounded centre)
 * @param radius         the box's relative half-width: coordinate i spans centreᵢ ± radius·(1 + |centreᵢ|); NaN when
 *                       no box was tried
 * @param enclosureWidth the largest width of K(X), which encloses the critical point; NaN when not proved
 * @param uniqueProved   a critical point exists in the box and is the only one there (Krawczyk)
 * @param index          the proved Morse index, or −1
 * @param gap            the smallest distance from 0 of the Gershgorin discs of VᵀH(X)V; NaN when not computed
 * @param lambdaMinLower a proved lower bound of the smallest Hessian eigenvalue at the critical point (NaN if none)
 * @param lambdaMinUpper a proved upper bound of it (NaN if none)
 */
public record PreciseCertificate(Certificate.Status status, String reason, int digits, int newtonSteps,
        double gradientBound, double shift, double[] center, double radius, double enclosureWidth,
        boolean uniqueProved, int index, double gap, double lambdaMinLower, double lambdaMinUpper) {

    public PreciseCertificate {
        center = center.clone();
    }

    /** True when existence, uniqueness and inertia were all proved. */
    public boolean certified() {
        return status == Certificate.Status.CERTIFIED;
    }

    /** The same outcome in the double certifier's record, with {@code prefix} put before the reason. */
    public Certificate toCertificate(String prefix) {
        return new Certificate(status, prefix + reason, center, radius, enclosureWidth, uniqueProved, index, gap,
                digits);
    }

    static PreciseCertificate refused(Certificate.Status status, String reason, int digits, int steps,
            double gradient, double shift, double[] center) {
        return new PreciseCertificate(status, reason, digits, steps, gradient, shift, center, Double.NaN, Double.NaN,
                false, -1, Double.NaN, Double.NaN, Double.NaN);
    }
}
