package org.flowscape.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ActivationTest {
    static final String[] ALL = {"identity", "relu", "leaky_relu(0.1)", "relu_pow(3)", "sigmoid", "tanh",
        "algebraic_sigmoid", "softplus", "exp", "sin", "gelu", "swish", "poly(0.1,1,0.5,-0.2)"};

    @Test
    void derivativesMatchCentralDifferencesAwayFromKinks() {
        SplittableRandom r = Seeds.stream(1, "activation-test");
        for (String spec : ALL) {
            Activation a = Activations.parse(spec);
            for (int t = 0; t < 200; t++) {
                double z = 4 * (r.nextDouble() - 0.5);
                if (Math.abs(z) < 1e-3) {
                    continue;
                }
                double h = 1e-5;
                double fd1 = (a.value(z + h) - a.value(z - h)) / (2 * h);
                double fd2 = (a.derivative(z + h) - a.derivative(z - h)) / (2 * h);
                assertThat(a.derivative(z)).as(spec + "' at " + z).isCloseTo(fd1, org.assertj.core.api.Assertions
                        .within(1e-7 * Math.max(1, Math.abs(fd1))));
                assertThat(a.secondDerivative(z)).as(spec + "'' at " + z).isCloseTo(fd2, org.assertj.core.api
                        .Assertions.within(1e-6 * Math.max(1, Math.abs(fd2))));
            }
        }
    }

    @Test
    void arrayEvaluationEqualsScalarEvaluation() {
        double[] z = {-3, -0.7, -0.1, 0.0, 0.2, 0.6249, 0.625, 1.5, 30};
        for (String spec : ALL) {
            Activation a = Activations.parse(spec);
            double[] v = new double[z.length];
            double[] d1 = new double[z.length];
            double[] d2 = new double[z.length];
            a.evaluate(z, v, d1, d2, z.length);
            for (int i = 0; i < z.length; i++) {
                assertThat(v[i]).isEqualTo(a.value(z[i]));
                assertThat(d1[i]).isEqualTo(a.derivative(z[i]));
                assertThat(d2[i]).isEqualTo(a.secondDerivative(z[i]));
            }
        }
    }

    @Test
    void firstOrderEvaluationWritesTheSameBitsAsTheFullOne() {
        double[] z = {-800, -30, -3, -0.7, -0.1, -0.0, 0.0, 1e-300, 0.2, 0.6249, 0.625, 1.5, 30, 800};
        for (String spec : ALL) {
            Activation a = Activations.parse(spec);
            double[] v = new double[z.length];
            double[] d1 = new double[z.length];
            double[] d2 = new double[z.length];
            a.evaluate(z, v, d1, d2, z.length);
            double[] w = new double[z.length];
            double[] e1 = new double[z.length];
            a.evaluateFirstOrder(z, w, e1, new double[z.length], z.length);
            assertThat(w).as(spec).isEqualTo(v);
            assertThat(e1).as(spec).isEqualTo(d1);
        }
    }

    @Test
    void tanhAndLogisticPinnedValues() {
        Activation tanh = Activations.parse("tanh");
        // tanh(1/2) = (e − 1)/(e + 1); tanh'' = −2 tanh (1 − tanh²)
        double t = (Math.E - 1) / (Math.E + 1);
        assertThat(tanh.value(0.5)).isCloseTo(t, org.assertj.core.api.Assertions.within(4 * Math.ulp(t)));
        assertThat(tanh.secondDerivative(0.5)).isCloseTo(-2 * t * (1 - t * t),
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(tanh.value(-0.0)).isEqualTo(-0.0);
        assertThat(tanh.value(40)).isEqualTo(1.0);
        assertThat(tanh.value(Double.NaN)).isNaN();
        Activation sigmoid = Activations.parse("sigmoid");
        assertThat(sigmoid.value(0)).isEqualTo(0.5);
        assertThat(sigmoid.derivative(0)).isEqualTo(0.25);
        assertThat(sigmoid.secondDerivative(0)).isEqualTo(0.0);
        // σ(−40) = 1/(1 + e⁴⁰), far below 1 − ulp: relative accuracy on the negative side
        double s40 = 1 / (1 + Math.exp(40));
        assertThat(sigmoid.value(-40)).isCloseTo(s40, org.assertj.core.api.Assertions.within(4 * Math.ulp(s40)));
        Activation softplus = Activations.parse("softplus");
        assertThat(softplus.value(0)).isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(
                2 * Math.ulp(Math.log(2))));
        assertThat(Activations.parse("exp").value(1)).isCloseTo(Math.E,
                org.assertj.core.api.Assertions.within(2 * Math.ulp(Math.E)));
    }

    @Test
    void traitsStateTheIdentitiesTheyClaim() {
        SplittableRandom r = Seeds.stream(3, "traits");
        for (String spec : ALL) {
            Activation a = Activations.parse(spec);
            ActivationTraits t = a.traits();
            for (int i = 0; i < 50; i++) {
                double z = 3 * Seeds.gaussian(r);
                if (t.oddUpToShift()) {
                    assertThat(a.value(-z) - t.oddAbout()).as(spec + " odd about " + t.oddAbout())
                            .isCloseTo(-(a.value(z) - t.oddAbout()), org.assertj.core.api.Assertions.within(1e-12));
                }
                if (!Double.isNaN(t.linearOddPart())) {
                    assertThat(a.value(z) - a.value(-z)).as(spec + " linear odd part")
                            .isCloseTo(t.linearOddPart() * z, org.assertj.core.api.Assertions.within(1e-12));
                }
                if (t.homogeneous()) {
                    double lambda = 0.5 + r.nextDouble();
                    assertThat(a.value(lambda * z)).as(spec + " homogeneous")
                            .isCloseTo(Math.pow(lambda, t.homogeneityDegree()) * a.value(z),
                                    org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(a.value(z)))));
                }
            }
        }
        assertThat(Activations.tanh().traits().odd()).isTrue();
        assertThat(Activations.sigmoid().traits().oddAbout()).isEqualTo(0.5);
        assertThat(Activations.relu().traits().analytic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanhh", "leaky_relu(a)", "relu_pow(0.5)", "poly()", "tanh(1)", "leaky_relu(0.1"})
    void badSpellingsNameTheProblem(String spec) {
        assertThatThrownBy(() -> Activations.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec.contains("(") ? "" : "unknown activation");
    }
}
