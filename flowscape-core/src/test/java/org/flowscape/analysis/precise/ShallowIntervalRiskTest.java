package org.flowscape.analysis.precise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

/** The extended-precision value, gradient and Hessian against the double-precision objective. */
class ShallowIntervalRiskTest {
    private static final Precision P30 = new Precision(30);

    @Test
    void pointEnclosuresMatchTheDoubleObjectiveForEveryActivationAndNormalization() {
        for (String act : new String[] {"tanh", "sigmoid"}) {
            for (String loss : new String[] {"mse", "mse-mean", "frobenius"}) {
                EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:2-3-1:" + act), Losses.parse(loss),
                        Problems.gaussian(7, 2, 1, 3));
                double[] theta = f.network().initialize(5);
                ShallowIntervalRisk risk = ShallowIntervalRisk.of(f, P30);
                ShallowIntervalRisk.Jet jet = risk.enclose(PreciseCertifier.points(exact(theta)), true);
                int p = f.dim();
                double[] g = new double[p];
                double value = f.valueAndGradient(theta, g);
                double[] h = f.hessian(theta, new double[p * p]);
                assertClose(jet.value(), value, act + "/" + loss + " value");
                for (int i = 0; i < p; i++) {
                    assertClose(jet.gradient()[i], g[i], act + "/" + loss + " gradient " + i);
                    for (int j = 0; j < p; j++) {
                        assertClose(jet.hessian()[i * p + j], h[i * p + j], act + "/" + loss + " H" + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void aBoxEnclosureContainsTheValuesAtItsPoints() {
        EmpiricalRisk f = new EmpiricalRisk(Models.parse("mlp:1-2-1:tanh"), Losses.mse(),
                Problems.gaussian(9, 1, 1, 4));
        double[] theta = f.network().initialize(2);
        int p = f.dim();
        BigInterval[] box = new BigInterval[p];
        for (int i = 0; i < p; i++) {
            box[i] = new BigInterval(new BigDecimal(theta[i] - 1e-3), new BigDecimal(theta[i] + 1e-3));
        }
        ShallowIntervalRisk.Jet jet = ShallowIntervalRisk.of(f, P30).enclose(box, true);
        for (double s : new double[] {-1e-3, -4e-4, 0, 7e-4, 1e-3}) {
            double[] t = theta.clone();
            for (int i = 0; i < p; i++) {
                t[i] += s * (i % 2 == 0 ? 1 : -1);
            }
            double[] h = f.hessian(t, new double[p * p]);
            for (int i = 0; i < p * p; i++) {
                assertThat(contains(jet.hessian()[i].widen(new BigDecimal("1e-12"), P30), h[i])).as("H[%d]", i)
                        .isTrue();
            }
        }
    }

    @Test
    void refusesWhatItCannotEnclose() {
        assertThat(ShallowIntervalRisk.refusal(new EmpiricalRisk(Models.parse("mlp:2-3-1:relu"), Losses.mse(),
                Problems.gaussian(5, 2, 1, 1)))).contains("relu");
        assertThat(ShallowIntervalRisk.refusal(new EmpiricalRisk(Models.parse("mlp:2-3-3-1:tanh"), Losses.mse(),
                Problems.gaussian(5, 2, 1, 1)))).contains("shallow");
        assertThat(ShallowIntervalRisk.refusal(new EmpiricalRisk(Models.parse("mlp:2-3-2:tanh"),
                Losses.parse("xent"), Problems.classes(10, 2, 2, 1)))).contains("squared error");
    }

    static BigDecimal[] exact(double[] theta) {
        BigDecimal[] out = new BigDecimal[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = new BigDecimal(theta[i]);
        }
        return out;
    }

    private static boolean contains(BigInterval x, double v) {
        BigDecimal b = new BigDecimal(v);
        return x.lo().compareTo(b) <= 0 && x.hi().compareTo(b) >= 0;
    }

    private static void assertClose(BigInterval x, double v, String what) {
        assertThat(x.width(P30).doubleValue()).as(what + " width").isLessThan(1e-25 * (1 + Math.abs(v)));
        assertThat(Math.abs(x.midDouble() - v)).as(what).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(v)));
    }
}
