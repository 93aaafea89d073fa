package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flowscape.data.Datasets;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.loss.Losses;
import org.flowscape.model.Model;
import org.flowscape.model.layers.ModelSpecs;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objectives;
import org.junit.jupiter.api.Test;

/**
 * C3 (linear convergence of a CNN and a ResNet): holds at smoke size, fails for an underparameterized CNN (P = 10 &lt;
 * n = 14: K singular, the loss plateaus), and its boundary check fails on a planted K regular past n = P.
 */
class ClaimC3Test {

    @Test
    void holdsForTheSmallCnnAndResNetAndFindsTheBoundaryAtRankJ() throws Exception {
        ClaimC3 c3 = new ClaimC3();
        Records r = Planted.run(c3, Map.of());
        Judgement j = c3.judge(r, c3.tolerances());
        assertThat(j.verdict()).as(j.deciding() + " " + j.table() + " " + j.details()).isEqualTo(Verdict.HOLDS);
        assertThat(r.metric("parameters/cnn/0")).isEqualTo(57);
        assertThat(r.metric("parameters/resnet/0")).isEqualTo(6 * 6 + 7 * 6 + 1);
        assertThat(r.metric("boundary_parameters")).isEqualTo(10);
        // rank J <= P = 10: K is singular from n = 11 on, and regular at n = 10 for generic data
        assertThat(r.metric("boundary_ratio/11")).isLessThan(1e-10);
        assertThat(r.metric("boundary_ratio/10")).isGreaterThan(1e-10);
        assertThat(j.details()).anyMatch(d -> d.contains("regular") && d.contains("up to n = 10"));
    }

    @Test
    void failsForAnUnderparameterizedCnn() throws Exception {
        Judgement j = Planted.judge(new ClaimC3(), Map.of("model", ClaimC3.BOUNDARY_MODEL, "samples", "14",
                "max_steps", "2000"));
        assertThat(j.verdict()).as(j.deciding() + " " + j.table()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void failsWhenTheKernelIsRegularPastP() {
        ClaimC3 c3 = new ClaimC3();
        Records r = new Records();
        for (String m : new String[] {"fitted", "guaranteed", "inf_lambda_min", "violation", "reached", "lambda_max0",
            "parameters", "outputs"}) {
            r.metric(m + "/cnn/0", m.equals("fitted") ? 0.04 : m.equals("guaranteed") ? 0.01 : m.equals("violation")
                    ? 0 : 1);
        }
        r.metric("boundary_parameters", 3);
        r.metric("boundary_ratio/3", 0.1);
        r.metric("boundary_ratio/4", 0);
        assertThat(c3.judge(r, c3.tolerances()).verdict()).isEqualTo(Verdict.HOLDS);
        r.metric("boundary_ratio/5", 0.2);
        assertThat(c3.judge(r, c3.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
        r.metric("boundary_ratio/5", 0);
        r.metric("fitted/cnn/0", 0.005);
        assertThat(c3.judge(r, c3.tolerances()).verdict()).isEqualTo(Verdict.FAILS);
    }

    @Test
    void theLayerNtkIsTheGramMatrixOfTheJacobian() {
        Model m = ModelSpecs.parse("layers:4/dense=3/tanh/res(dense=3/tanh)/dense=1");
        ModelObjective f = Objectives.of(m, Losses.parse("mse"), Datasets.parse("gaussian:n=5,d=4,seed=2"));
        double[] theta = m.initialize(3);
        int p = m.parameterCount();
        Matrix j = new Matrix(5, p, f.jacobian(theta, new double[5 * p]));
        double[] k = new double[25];
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                for (int q = 0; q < p; q++) {
                    k[a * 5 + b] += j.data()[a * p + q] * j.data()[b * p + q];
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.values(new Matrix(5, 5, k));
        double[] ours = ClaimC3.ntkExtremes(f, theta);
        assertThat(ours[0]).isCloseTo(e.min(), org.assertj.core.data.Offset.offset(1e-12 * e.max()));
        assertThat(ours[1]).isCloseTo(e.max(), org.assertj.core.data.Offset.offset(1e-12 * e.max()));
    }
}
