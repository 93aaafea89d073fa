package org.flowscape.graph;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.Polisher;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;

/**
 * Turns a polished point into a database entry: its canonical form, loss, gradient norm, Hessian spectrum
 * ({@link LocalSpectrum}) and certificate ({@link PointCertifier}). Not thread-safe (it uses the objective).
 */
public final class PointAnalysis {
    /** The gradient norm aimed for before certification. */
    public static final double CERTIFY_GRADIENT = 1e-15;
    /** The most re-polishing iterations before certification. */
    public static final int CERTIFY_ITERATIONS = 30;

    private final Objective objective;
    private final GraphConfig config;
    private final PointCertifier certifier;
    private final Identity identity;

    /** Analyses points of {@code objective} with {@code config}'s tolerances. */
    public PointAnalysis(Objective objective, GraphConfig config, PointCertifier certifier, Identity identity) {
        this.objective = objective;
        this.config = config;
        this.certifier = certifier;
        this.identity = identity;
    }

    /** The identity used for canonical forms. */
    public Identity identity() {
        return identity;
    }

    /** The entry for θ (read only) with its spectrum {@code s} already computed (id −1), not yet certified. */
    public GraphPoint entry(double[] theta, LocalSpectrum s) {
        double[] g = new double[theta.length];
        double loss = objective.valueAndGradient(theta, g);
        double gn = org.flowscape.linalg.Vectors.norm2(g);
        return new GraphPoint(-1, identity.canonical(theta), loss, gn, s.index(), s.nullity(), s.lambdaMin(),
                s.lambdaNext(), s.logDet(), false, -1, "not yet certified");
    }

    /**
     * {@code p} with the certificate of the critical point near θ (read only; the point p was made from). θ is first
     * re-polished by Levenberg–Marquardt on ∇L = 0 (which converges to critical points of any index) towards
     * ‖∇L‖ = {@value #CERTIFY_GRADIENT}, kept only when that lowers ‖∇L‖ and moves θ by less than the identity
     * tolerance: the Krawczyk box is sized by the Newton step, so a point polished only to 1e-10 can fail to be
     * proved where the same point polished to round-off is proved.
     */
    public GraphPoint certified(GraphPoint p, double[] theta) {
        PolishResult r = Polisher.polish(objective, theta, new PolishConfig(PolishMethod.LEVENBERG_MARQUARDT,
                CERTIFY_GRADIENT, CERTIFY_ITERATIONS, config.maxStep(), 1e6));
        double moved = Identity.distance(r.theta(), theta);
        boolean better = r.gradientNorm() < p.gradNorm() && moved <= identity.tolerance() * (1 + Vectors.normInf(
                theta));
        Certificate c = certifier.certify(better ? r.theta() : theta);
        return new GraphPoint(p.id(), p.theta(), p.loss(), p.gradNorm(), p.index(), p.nullity(), p.lambdaMin(),
                p.lambdaNext(), p.logDet(), c.certified(), c.index(), c.reason());
    }

    /** The spectrum at θ (read only). */
    public LocalSpectrum spectrum(double[] theta) {
        return LocalSpectrum.at(objective, theta, config);
    }
}
