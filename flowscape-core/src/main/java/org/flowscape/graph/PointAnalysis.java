package org.flowscape.graph;

import org.flowscape.analysis.Certificate;
import org.flowscape.objective.Objective;

/**
 * Turns a polished point into a database entry: its canonical form, loss, gradient norm, Hessian spectrum
 * ({@link LocalSpectrum}) and certificate ({@link PointCertifier}). Not thread-safe (it uses the objective).
 */
public final class PointAnalysis {
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

    /** The entry for θ (read only) with its spectrum {@code s} already computed (id −1). */
    public GraphPoint entry(double[] theta, LocalSpectrum s) {
        double[] g = new double[theta.length];
        double loss = objective.valueAndGradient(theta, g);
        double gn = org.flowscape.linalg.Vectors.norm2(g);
        Certificate c = certifier.certify(theta);
        return new GraphPoint(-1, identity.canonical(theta), loss, gn, s.index(), s.nullity(), s.lambdaMin(),
                s.lambdaNext(), s.logDet(), c.certified(), c.index(), c.reason());
    }

    /** The spectrum at θ (read only). */
    public LocalSpectrum spectrum(double[] theta) {
        return LocalSpectrum.at(objective, theta, config);
    }
}
