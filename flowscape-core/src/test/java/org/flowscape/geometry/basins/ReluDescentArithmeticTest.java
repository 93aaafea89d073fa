package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused kernel does, for every initialization, exactly the arithmetic of plain per-network descent written out
 * here with every sum in input, neuron and data order: the final parameters and losses agree bit for bit, for input
 * dimensions that exercise every chunking of the kernel's passes.
 */
class ReluDescentArithmeticTest {

    @ParameterizedTest(name = "d = {0}, k = {1}, B = {2}")
    @CsvSource({"5, 3, 4", "1, 2, 3", "2, 4, 2", "3, 1, 5", "4, 6, 2", "7, 2, 3", "9, 3, 2"})
    void sameBitsAsPlainDescent(int d, int k, int batch) {
        Dataset data = Datasets.parse("teacher:n=23,d=" + d + ",width=2,act=relu,seed=4");
        double[] x = data.inputs().data();
        double[] y = data.targets().data();
        double scale = 0.5 / y.length;
        double eta = 0.05;
        int steps = 30;
        ReluDescent gd = new ReluDescent(x, y, d, k, batch, scale);
        ReluNet[] nets = new ReluNet[batch];
        for (int b = 0; b < batch; b++) {
            nets[b] = ReluNet.initialization(d, k, 11, b);
            gd.load(b, nets[b]);
        }
        double[] losses = new double[batch];
        gd.run(eta, steps, losses);
        for (int b = 0; b < batch; b++) {
            double[] w = nets[b].w().clone();
            double[] v = nets[b].v().clone();
            double loss = 0;
            for (int s = 0; s <= steps; s++) {
                loss = plainStep(x, y, d, k, w, v, scale, eta, s < steps);
            }
            assertThat(losses[b]).isEqualTo(loss);
            assertThat(gd.network(b).w()).containsExactly(w);
            assertThat(gd.network(b).v()).containsExactly(v);
        }
    }

    /** One descent step on one network (w: k × d row-major, v: k), or only the loss; sums in order. */
    private static double plainStep(double[] x, double[] y, int d, int k, double[] w, double[] v, double scale,
            double eta, boolean update) {
        int n = y.length;
        double[] gw = new double[k * d];
        double[] gv = new double[k];
        double[] a = new double[k];
        double loss = 0;
        for (int t = 0; t < n; t++) {
            double p = 0;
            for (int j = 0; j < k; j++) {
                double h = x[t * d] * w[j * d];
                for (int c = 1; c < d; c++) {
                    h += x[t * d + c] * w[j * d + c];
                }
                a[j] = Math.max(h, 0.0);
                p += v[j] * a[j];
            }
            double r = p - y[t];
            loss += r * r;
            for (int j = 0; j < k; j++) {
                gv[j] += r * a[j];
                double q = r * (a[j] > 0 ? 1.0 : 0.0);
                for (int c = 0; c < d; c++) {
                    gw[j * d + c] += x[t * d + c] * q;
                }
            }
        }
        if (update) {
            double f = 2 * scale * eta;
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < d; c++) {
                    w[j * d + c] -= f * v[j] * gw[j * d + c];
                }
            }
            for (int j = 0; j < k; j++) {
                v[j] -= f * gv[j];
            }
        }
        return loss * scale;
    }
}
