package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.Losses;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.Test;

class ReluDescentTest {
    @Test
    void fusedKernelMatchesDescentOnTheCoreObjective() {
        Dataset data = Datasets.parse("teacher:n=30,d=4,width=2,act=relu,seed=2");
        int k = 5;
        double eta = 0.05;
        int steps = 40;
        EmpiricalRisk risk = new EmpiricalRisk(ReluNet.network(4, k), Losses.mse(), data);
        ReluDescent gd = new ReluDescent(data.inputs().data(), data.targets().data(), 4, k, 3, 0.5 / 30);
        ReluNet[] nets = new ReluNet[3];
        for (int i = 0; i < 3; i++) {
            nets[i] = ReluNet.initialization(4, k, 1, i);
            gd.load(i, nets[i]);
        }
        double[] losses = new double[3];
        gd.run(eta, steps, losses);
        for (int i = 0; i < 3; i++) {
            double[] theta = nets[i].theta();
            double[] grad = new double[theta.length];
            for (int s = 0; s < steps; s++) {
                risk.valueAndGradient(theta, grad);
                for (int p = 0; p < theta.length; p++) {
                    theta[p] -= eta * grad[p];
                }
            }
            assertThat(losses[i]).isCloseTo(risk.value(theta), within(1e-13));
            double[] ours = gd.network(i).theta();
            for (int p = 0; p < theta.length; p++) {
                assertThat(ours[p]).isCloseTo(theta[p], within(1e-12));
            }
        }
    }

    @Test
    void monteCarloIsBitIdenticalForAnyThreadCount() throws Exception {
        Dataset data = Datasets.parse("teacher:n=20,d=3,width=2,act=relu,seed=4");
        BasinStudyConfig one = new BasinStudyConfig(new int[] {1, 3}, 12, 1e-3, 5, "gd", 50, 0.05, 1, 1e-9,
                SquaredError.Normalization.HALF_MEAN);
        BasinStudyConfig three = new BasinStudyConfig(new int[] {1, 3}, 12, 1e-3, 5, "gd", 50, 0.05, 3, 1e-9,
                SquaredError.Normalization.HALF_MEAN);
        var a = BasinMonteCarlo.run(data, one);
        var b = BasinMonteCarlo.run(data, three);
        for (int w = 0; w < 2; w++) {
            assertThat(b.get(w).basinValue()).isEqualTo(a.get(w).basinValue());
            assertThat(b.get(w).finalLoss()).isEqualTo(a.get(w).finalLoss());
            assertThat(b.get(w).initialLoss()).isEqualTo(a.get(w).initialLoss());
        }
    }
}
