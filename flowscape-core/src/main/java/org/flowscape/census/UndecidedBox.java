package org.flowscape.census;

/**
 * A box the census could not decide: it may hold critical points that are not certified.
 *
 * @param lo      the lower corner (copied)
 * @param hi      the upper corner (copied)
 * @param reason  why
 * @param cluster the connected group of undecided boxes it belongs to (0-based), −1 for budget boxes
 * @param detail  one line, e.g. the smallest |eigenvalue| of the Hessian at the centre
 */
public record UndecidedBox(double[] lo, double[] hi, Reason reason, int cluster, String detail) {
    public UndecidedBox {
        lo = lo.clone();
        hi = hi.clone();
    }

    /** Why a box is undecided. */
    public enum Reason {
        /** Narrower than the minimum width in every coordinate, neither excluded nor certified. */
        TOO_SMALL("too small: reached the minimum width with 0 in the gradient enclosure and no Krawczyk proof"),
        /** The floating-point Hessian at its centre is singular to the tolerance. */
        DEGENERATE("degenerate: the Hessian at its centre is singular to the tolerance, so no box can prove a unique "
                + "critical point"),
        /** Part of a long connected chain of undecided boxes: a continuum of critical points. */
        NOT_ISOLATED("not isolated: part of a connected chain of undecided boxes much longer than one box, as a "
                + "curve or manifold of critical points gives; such points are never certified"),
        /** An enclosure was not finite (overflow, or outside the domain of log or sqrt). */
        NOT_FINITE("not finite: an enclosure over the box overflowed or left the domain of a function"),
        /** Never examined: the box or time budget ran out. */
        BUDGET("budget: not examined before --max-boxes or --time-limit ran out");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** One line for reports. */
        public String text() {
            return text;
        }
    }

    /** The volume of the box. */
    public double volume() {
        double v = 1;
        for (int i = 0; i < lo.length; i++) {
            v *= hi[i] - lo[i];
        }
        return v;
    }
}
