package org.flowscape.graph;

import static org.flowscape.analysis.IntervalMath.down;
import static org.flowscape.analysis.IntervalMath.up;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.census.BoxEnclosure;
import org.flowscape.census.Enclosures;
import org.flowscape.linalg.Tolerance;
import org.flowscape.objective.Objective;

/**
 * The interval certificate of a polished stationary point for every objective the census can enclose (closed-form
 * {@code fn:} models, squared-error networks, both with weight decay: {@link Enclosures}): the Krawczyk test
 * K(X) ⊂ int X on boxes θ ± ρ(1 + |θ_i|) for ρ from twice the Newton bound up to {@link Certifier#LAST_RADIUS}
 * (existence and uniqueness), then the inertia of the Hessian enclosure over the box by
 * {@link Certifier#provedInertia} (index). The same method as {@link Certifier}, over the census' enclosures; a point
 * whose floating-point Hessian is singular at the tolerance is refused as degenerate. Cost per radius: one interval
 * Hessian over the box plus O(P³) interval operations.
 */
final class BoxCertifier implements PointCertifier {
    private final Objective objective;
    private final BoxEnclosure enclosure;
    private final Tolerance zero;

    BoxCertifier(Objective objective, Tolerance zero) {
        this.objective = objective;
        this.enclosure = Enclosures.of(objective);
        this.zero = zero;
    }

    @Override
    public Certificate certify(double[] theta) {
        int p = theta.length;
        if (p > Certifier.MAX_PARAMETERS) {
            return refuse("not certifiable here: P = " + p + " exceeds the interval certification's limit of "
                    + Certifier.MAX_PARAMETERS + " parameters", theta);
        }
        DenseSpectrum s = DenseSpectrum.of(objective, theta, zero);
        if (s.nullity() > 0) {
            return refuse("not certifiable: degenerate (" + s.nullity() + " Hessian eigenvalues within "
                    + s.inertia().threshold() + " of 0), so no box holds a unique critical point", theta);
        }
        double[] y = Certifier.inverse(s.eigen());
        double[] g = new double[2 * p];
        enclosure.gradient(theta, theta, g);
        double newton = Certifier.newtonBound(y, g, p);
        double[] h = new double[2 * p * p];
        for (double rho = Math.max(Certifier.FIRST_RADIUS, 2 * newton); rho <= Certifier.LAST_RADIUS;
                rho *= Certifier.RADIUS_GROWTH) {
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int i = 0; i < p; i++) {
                double r = up(rho * (1 + Math.abs(theta[i])));
                lo[i] = down(theta[i] - r);
                hi[i] = up(theta[i] + r);
            }
            enclosure.hessian(lo, hi, h);
            double width = Certifier.krawczyk(theta, lo, hi, y, g, h, p);
            if (Double.isNaN(width)) {
                continue;
            }
            Certifier.Inertia in = Certifier.provedInertia(h, p);
            if (in.index() < 0) {
                return new Certificate(Certificate.Status.NOT_PROVED, "unique critical point proved, but the "
                        + "inertia of the Hessian enclosure was not", theta, rho, width, true, -1, Double.NaN,
                        Certificate.DOUBLE);
            }
            return new Certificate(Certificate.Status.CERTIFIED, "unique critical point of index " + in.index()
                    + " proved in the box", theta, rho, width, true, in.index(), in.gap(), Certificate.DOUBLE);
        }
        return new Certificate(Certificate.Status.NOT_PROVED, "Krawczyk inclusion K(X) ⊂ int X failed up to "
                + "relative radius " + Certifier.LAST_RADIUS, theta, Double.NaN, Double.NaN, false, -1, Double.NaN,
                Certificate.DOUBLE);
    }

    private static Certificate refuse(String reason, double[] theta) {
        return new Certificate(Certificate.Status.NOT_CERTIFIABLE, reason, theta, Double.NaN, Double.NaN, false, -1,
                Double.NaN, Certificate.DOUBLE);
    }
}
