package org.flowscape.geometry.basins;

import org.flowscape.internal.Checks;

/**
 * Full-batch gradient descent θ ← θ − η∇L on two-layer bias-free ReLU networks, many initializations of one width
 * at a time, for the loss L = s·Σ_t (N(x_t) − y_t)² (s = 1/(2n) for {@code mse}); relu'(0) = 0. A hand-written fused
 * kernel: at k ≤ 32, d = 5, n = 50 every product is far too small for a BLAS call to pay (≈ 0.4 µs of call overhead
 * against a few hundred flops), so the neurons of {@code B} initializations are laid side by side as the K = B·k
 * columns of one block and every inner loop runs over those columns (contiguous, auto-vectorized by the JIT):
 * forward h = X·Wᵀ, relu, the per-initialization output reduction, then the backward outer products. Each
 * initialization's arithmetic is independent of which block it shares, so results do not depend on the blocking or
 * on the thread count.
 *
 * <p>Cost per step: about 2·n·d·K multiply-adds plus O(n·K). Allocation-free inside the step loop. Not thread-safe;
 * one instance per thread.
 */
public final class ReluDescent {
    private final int n;
    private final int d;
    private final int k;
    private final int batch;
    private final int cols;
    private final double[] x;
    private final double[] y;
    private final double scale;
    private final double[] wt;
    private final double[] v;
    private final double[] a;
    private final double[] r;
    private final double[] rexp;
    private final double[] q;
    private final double[] gw;
    private final double[] gv;
    private final double[] loss;

    /**
     * @param x     n × d inputs, row-major (read only, copied)
     * @param y     n targets (read only, copied)
     * @param k     width
     * @param batch initializations per block B
     * @param scale s of the loss s·Σ(N(x_t) − y_t)²
     */
    public ReluDescent(double[] x, double[] y, int d, int k, int batch, double scale) {
        this.n = y.length;
        this.d = d;
        this.k = k;
        this.batch = batch;
        this.cols = k * batch;
        Checks.dimension("inputs (n*d)", n * d, x.length);
        this.x = x.clone();
        this.y = y.clone();
        this.scale = scale;
        this.wt = new double[d * cols];
        this.v = new double[cols];
        this.a = new double[n * cols];
        this.r = new double[n * batch];
        this.rexp = new double[cols];
        this.q = new double[cols];
        this.gw = new double[d * cols];
        this.gv = new double[cols];
        this.loss = new double[batch];
    }

    /** The block size that keeps the block's activations (n·K doubles) near 64 columns: max(1, 64 / k). */
    public static int defaultBatch(int k) {
        return Math.max(1, 64 / k);
    }

    /** The number of initializations per block. */
    public int batch() {
        return batch;
    }

    /**
     * Loads initialization {@code slot} (0 ≤ slot &lt; B) from {@code net} (read only); slots not loaded since the
     * last {@link #clear()} stay zero (a zero network stays at zero under descent and costs nothing to the others).
     */
    public void load(int slot, ReluNet net) {
        for (int j = 0; j < k; j++) {
            int col = slot * k + j;
            for (int c = 0; c < d; c++) {
                wt[c * cols + col] = net.w()[j * d + c];
            }
            v[col] = net.v()[j];
        }
    }

    /** Zeroes every slot. */
    public void clear() {
        java.util.Arrays.fill(wt, 0);
        java.util.Arrays.fill(v, 0);
    }

    /** The current parameters of slot {@code slot} as a new network. */
    public ReluNet network(int slot) {
        double[] w = new double[k * d];
        double[] vv = new double[k];
        for (int j = 0; j < k; j++) {
            int col = slot * k + j;
            for (int c = 0; c < d; c++) {
                w[j * d + c] = wt[c * cols + col];
            }
            vv[j] = v[col];
        }
        return new ReluNet(d, k, w, vv);
    }

    /**
     * Runs {@code steps} descent steps of size {@code eta} on every slot, then evaluates the loss at the final
     * parameters.
     *
     * @param lossOut length ≥ B: the final loss of each slot (overwritten); NaN or ∞ when a run diverged
     */
    public void run(double eta, int steps, double[] lossOut) {
        for (int s = 0; s < steps; s++) {
            forward();
            backward();
            update(eta);
        }
        forward();
        System.arraycopy(loss, 0, lossOut, 0, batch);
    }

    /** Forward pass at the current parameters; the losses go to {@code lossOut} (length ≥ B, overwritten). */
    public void evaluate(double[] lossOut) {
        forward();
        System.arraycopy(loss, 0, lossOut, 0, batch);
    }

    private void forward() {
        java.util.Arrays.fill(loss, 0);
        for (int t = 0; t < n; t++) {
            int row = t * cols;
            double x0 = x[t * d];
            for (int j = 0; j < cols; j++) {
                a[row + j] = x0 * wt[j];
            }
            for (int c = 1; c < d; c++) {
                double xc = x[t * d + c];
                int off = c * cols;
                for (int j = 0; j < cols; j++) {
                    a[row + j] += xc * wt[off + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                a[row + j] = Math.max(a[row + j], 0.0);
            }
            for (int b = 0; b < batch; b++) {
                double p = 0;
                int base = row + b * k;
                for (int j = 0; j < k; j++) {
                    p += v[b * k + j] * a[base + j];
                }
                double res = p - y[t];
                r[t * batch + b] = res;
                loss[b] += res * res;
            }
        }
        for (int b = 0; b < batch; b++) {
            loss[b] *= scale;
        }
    }

    private void backward() {
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gv, 0);
        for (int t = 0; t < n; t++) {
            int row = t * cols;
            for (int b = 0; b < batch; b++) {
                double res = r[t * batch + b];
                for (int j = 0; j < k; j++) {
                    rexp[b * k + j] = res;
                }
            }
            for (int j = 0; j < cols; j++) {
                double act = a[row + j];
                gv[j] += rexp[j] * act;
                q[j] = act > 0 ? rexp[j] : 0.0;
            }
            for (int c = 0; c < d; c++) {
                double xc = x[t * d + c];
                int off = c * cols;
                for (int j = 0; j < cols; j++) {
                    gw[off + j] += xc * q[j];
                }
            }
        }
    }

    private void update(double eta) {
        double f = 2 * scale * eta;
        for (int c = 0; c < d; c++) {
            int off = c * cols;
            for (int j = 0; j < cols; j++) {
                wt[off + j] -= f * v[j] * gw[off + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            v[j] -= f * gv[j];
        }
    }
}
