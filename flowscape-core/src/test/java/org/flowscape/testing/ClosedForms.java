package org.flowscape.testing;

/** Closed-form test surfaces written as {@code fn:} models. */
public final class ClosedForms {
    /**
     * The Müller–Brown potential (Müller and Brown, Theor. Chim. Acta 53, 1979) in p1 = x, p2 = y: three minima,
     * two saddles.
     */
    public static final String MULLER_BROWN = "fn:-200*exp(-(p1-1)^2-10*p2^2)"
            + "-100*exp(-p1^2-10*(p2-0.5)^2)"
            + "-170*exp(-6.5*(p1+0.5)^2+11*(p1+0.5)*(p2-1.5)-6.5*(p2-1.5)^2)"
            + "+15*exp(0.7*(p1+1)^2+0.6*(p1+1)*(p2-1)+0.7*(p2-1)^2)";

    /** The scalar factorisation ½(ab − 1)² in a = p1, b = p2 (add λ/2(a² + b²) with {@code WeightDecay}). */
    public static final String FACTORISATION = "fn:0.5*(p1*p2-1)^2";

    private ClosedForms() {
    }
}
