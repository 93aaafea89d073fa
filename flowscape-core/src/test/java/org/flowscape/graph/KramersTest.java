package org.flowscape.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The 1-D double well (x² − 1)² under overdamped Langevin dynamics dx = −L'(x) dt + √(2T) dW. The graph's rate
 * (Kramers'
 * high-friction limit, {@link RateModel#OVERDAMPED}: √(L''(−1)|L''(0)|)/(2π) e^{−1/T} = √32/(2π) e^{−1/T}) is checked
 * against the exact inverse mean first-passage time from −1 to +1,
 * τ = (1/T) ∫_{−1}^{1} e^{L(y)/T} ∫_{−∞}^{y} e^{−L(z)/T} dz dy (by quadrature here): Kramers' formula is the leading
 * term of an expansion in T/ΔE, so they agree to about 0.4·T (2.0% at T = 0.05, 0.97% at T = 0.025).
 */
class KramersTest {

    private static GraphResult graph(double temperature, RateModel model) {
        GraphConfig c = GraphConfig.defaults(5).withMinima(2).withHops(100, 1.0, 1.0);
        return LandscapeSearch.run(Potentials.line(Potentials.DOUBLE_WELL), new double[] {-0.8}, c, temperature,
                model, PointCertifier.none("test"), x -> { });
    }

    private static double rate(GraphResult r) {
        GraphPoint left = r.minima().stream().min(Comparator.comparingDouble(m -> m.theta()[0])).orElseThrow();
        GraphPoint right = r.minima().stream().max(Comparator.comparingDouble(m -> m.theta()[0])).orElseThrow();
        return r.rates().pairs().stream().filter(p -> p.from() == left.id() && p.to() == right.id()).findFirst()
                .orElseThrow().rate();
    }

    /** The exact inverse MFPT from −1 to 1, times e^{1/T} (trapezoid rule on a fine grid). */
    private static double exactScaled(double t) {
        int n = 400000;
        double lo = -3;
        double h = 4.0 / n;
        double inner = 0;
        double outer = 0;
        double previous = Double.NaN;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double u = (z * z - 1) * (z * z - 1);
            inner += Math.exp(-u / t) * h;
            if (z >= -1 - 1e-12) {
                double f = Math.exp((u - 1) / t) * inner;
                outer += Double.isNaN(previous) ? 0 : 0.5 * (f + previous) * h;
                previous = f;
            }
        }
        return 1 / (outer / t);
    }

    @Test
    void graphRateIsKramersHighFrictionRate() {
        GraphResult r = graph(0.05, RateModel.OVERDAMPED);
        assertThat(r.minima()).hasSize(2);
        assertThat(r.saddles()).hasSize(1);
        double kramers = Math.sqrt(32) / (2 * Math.PI) * Math.exp(-1 / 0.05);
        assertThat(rate(r)).isCloseTo(kramers, within(1e-9 * kramers));
        double htst = Math.sqrt(8) / (2 * Math.PI) * Math.exp(-1 / 0.05);
        assertThat(rate(graph(0.05, RateModel.HARMONIC_TST))).isCloseTo(htst, within(1e-9 * htst));
    }

    @Test
    void kramersAgreesWithTheExactFirstPassageRateToOrderT() {
        double e05 = rate(graph(0.05, RateModel.OVERDAMPED)) * Math.exp(1 / 0.05) / exactScaled(0.05) - 1;
        double e025 = rate(graph(0.025, RateModel.OVERDAMPED)) * Math.exp(1 / 0.025) / exactScaled(0.025) - 1;
        assertThat(e05).isCloseTo(0.0200, within(0.001));
        assertThat(e025).isCloseTo(0.0097, within(0.0005));
        assertThat(e05 / e025).isCloseTo(2, within(0.1));
    }
}
