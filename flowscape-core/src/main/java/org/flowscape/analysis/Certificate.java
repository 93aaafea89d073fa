package org.flowscape.analysis;

/**
 * The outcome of an interval certification of a critical point.
 *
 * @param status          CERTIFIED (existence, uniqueness and inertia proved), NOT_PROVED (the tests were run and
 *                        did not succeed), NOT_CERTIFIABLE (the model, loss or point is outside what can be proved)
 * @param reason          one line saying why, for every status
 * @param center          the polished point the box is centred on (copied)
 * @param radius          the box's half-width: coordinate i spans center_i ± radius · (1 + |center_i|); NaN when no
 *                        box was tried
 * @param enclosureWidth  the largest width of the Krawczyk image K(X), which encloses the critical point; NaN when
 *                        not proved
 * @param uniqueProved    a critical point exists in the box and is the only one there (Krawczyk: K(X) ⊂ int X)
 * @param index           the proved Morse index (number of negative Hessian eigenvalues at the critical point), or −1
 * @param gershgorinGap   the smallest distance from 0 of the Gershgorin discs of VᵀH(X)V (positive when the inertia is
 *                        proved); NaN when not computed
 * @param digits          significant decimal digits of the interval arithmetic that gave this outcome: {@link #DOUBLE}
 *                        for outward-rounded IEEE double, more for the extended-precision certification
 *                        ({@code org.flowscape.analysis.precise})
 */
public record Certificate(Status status, String reason, double[] center, double radius, double enclosureWidth,
        boolean uniqueProved, int index, double gershgorinGap, int digits) {

    /** The {@link #digits} of IEEE double (53 bits ≈ 15.95 decimal digits). */
    public static final int DOUBLE = 16;

    /** The verdict. */
    public enum Status {
        CERTIFIED, NOT_PROVED, NOT_CERTIFIABLE
    }

    public Certificate {
        center = center.clone();
    }

    /** True when existence, uniqueness and inertia were all proved. */
    public boolean certified() {
        return status == Status.CERTIFIED;
    }
}
