package org.flowscape.geometry.basins;

import org.flowscape.internal.Checks;

/**
 * Full-batch gradient descent θ ← θ − η∇L on two-layer bias-free ReLU networks, many initializations of one width
 * at a time, for the loss L = s·Σ_t (N(x_t) − y_t)² (s = 1/(2n) for {@code mse}); relu'(0) = 0. A hand-written fused
 * kernel: at k ≤ 32, d = 5, n = 50 every product is far too small for a BLAS call to pay (≈ 0.4 µs of call overhead
 * against a few hundred flops). The neurons of {@code B} initializations of one width form the K = k·B columns of a
 * block, laid out neuron-major and initialization-minor (column j·B + b is neuron j of initialization b), so that
 * <ul>
 *   <li>every elementwise pass (pre-activations h = X·Wᵀ row by row, relu, the gradient accumulations) is one
 *       branch-free loop over K contiguous doubles, and</li>
 *   <li>the per-initialization output sum Σ_j v_j a_j is a vertical sum over j of B-long contiguous rows, not a
 *       scalar k-long reduction;</li>
 * </ul>
 * the relu derivative is the branch-free mask min(a·2¹⁰²³·2¹⁰²³, 1) of a = max(h, 0) (exactly 1 for every a &gt; 0,
 * subnormals included, and 0 at a = 0), so the JIT's superword pass vectorizes all loops (JDK 17 vectorizes no
 * conditional move or {@code Math.signum}). Forward and backward are fused per data point: only the K activations of
 * the current point are kept. Each initialization's arithmetic (order of every sum included) is independent of B,
 * of its slot and of the thread, so results do not depend on the blocking or on the thread count.
 *
 * <p>Cost per step: about (2d + 4)·n·K flops. Allocation-free inside the step loop. Not thread-safe; one instance
 * per thread.
 */
public final class ReluDescent {
    /** 2¹⁰²³: applied twice, it maps the smallest subnormal 2⁻¹⁰⁷⁴ to 2⁹⁷² ≥ 1. */
    private static final double HUGE = 0x1p1023;

    /** Target block width K = k·B of {@link #defaultBatch}: its working set (≈ (2d + 4)·K doubles) fits in L1/L2. */
    private static final int BLOCK_COLUMNS = Integer.getInteger("flowscape.relu.block", 256);

    private final int n;
    private final int d;
    private final int k;
    private final int batch;
    private final int cols;
    private final double[] x;
    private final double[] y;
    private final double scale;
    private final double[][] wt;
    private final double[] v;
    private final double[] h;
    private final double[] prod;
    private final double[] q;
    private final double[] p;
    private final double[][] gw;
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
        this.wt = new double[d][cols];
        this.v = new double[cols];
        this.h = new double[cols];
        this.prod = new double[cols];
        this.q = new double[cols];
        this.p = new double[batch];
        this.gw = new double[d][cols];
        this.gv = new double[cols];
        this.loss = new double[batch];
    }

    /** The block size that keeps a block near {@code BLOCK_COLUMNS} (256) columns: max(1, 256 / k). */
    public static int defaultBatch(int k) {
        return Math.max(1, BLOCK_COLUMNS / k);
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
            int col = j * batch + slot;
            for (int c = 0; c < d; c++) {
                wt[c][col] = net.w()[j * d + c];
            }
            v[col] = net.v()[j];
        }
    }

    /** Zeroes every slot. */
    public void clear() {
        for (double[] row : wt) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(v, 0);
    }

    /** The current parameters of slot {@code slot} as a new network. */
    public ReluNet network(int slot) {
        double[] w = new double[k * d];
        double[] vv = new double[k];
        for (int j = 0; j < k; j++) {
            int col = j * batch + slot;
            for (int c = 0; c < d; c++) {
                w[j * d + c] = wt[c][col];
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
            pass(true);
            update(eta);
        }
        pass(false);
        System.arraycopy(loss, 0, lossOut, 0, batch);
    }

    /** Forward pass at the current parameters; the losses go to {@code lossOut} (length ≥ B, overwritten). */
    public void evaluate(double[] lossOut) {
        pass(false);
        System.arraycopy(loss, 0, lossOut, 0, batch);
    }

    /** Losses into {@code loss}; with {@code gradient}, also the half-gradients Σ_t r_t ∂p_t into gw, gv. */
    private void pass(boolean gradient) {
        java.util.Arrays.fill(loss, 0);
        for (double[] row : gw) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(gv, 0);
        for (int t = 0; t < n; t++) {
            activations(t);
            outputs(t);
            if (gradient) {
                accumulate(t);
            }
        }
        for (int b = 0; b < batch; b++) {
            loss[b] *= scale;
        }
    }

    /**
     * h = max(x_t·Wᵀ, 0) and prod = v ∘ h over the K columns, summing over the inputs c in order (up to four weight
     * rows per pass, so that h is loaded and stored once per four inputs; the relu and the product with v are fused
     * into the last pass).
     */
    private void activations(int t) {
        if (d <= 4) {
            preactivationChunk(t, 0);
            double[] hh = h;
            double[] vv = v;
            double[] pr = prod;
            for (int j = 0; j < cols; j++) {
                double a = Math.max(hh[j], 0.0);
                hh[j] = a;
                pr[j] = vv[j] * a;
            }
            return;
        }
        int last = (d - 1) / 4 * 4;
        int c = 0;
        while (c < last) {
            c = preactivationChunk(t, c);
        }
        lastChunk(t, c);
    }

    /** The last inputs c..d−1 (one to four) of x_t·Wᵀ added to h (c &gt; 0), then h = max(h, 0), prod = v ∘ h. */
    private void lastChunk(int t, int c) {
        int count = d - c;
        int base = t * d + c;
        double x0 = x[base];
        double x1 = count > 1 ? x[base + 1] : 0;
        double x2 = count > 2 ? x[base + 2] : 0;
        double x3 = count > 3 ? x[base + 3] : 0;
        double[] w0 = wt[c];
        double[] w1 = wt[Math.min(c + 1, d - 1)];
        double[] w2 = wt[Math.min(c + 2, d - 1)];
        double[] w3 = wt[Math.min(c + 3, d - 1)];
        double[] hh = h;
        double[] vv = v;
        double[] pr = prod;
        int n = cols;
        switch (count) {
            case 1 -> {
                for (int j = 0; j < n; j++) {
                    double a = Math.max(hh[j] + x0 * w0[j], 0.0);
                    hh[j] = a;
                    pr[j] = vv[j] * a;
                }
            }
            case 2 -> {
                for (int j = 0; j < n; j++) {
                    double a = Math.max(hh[j] + x0 * w0[j] + x1 * w1[j], 0.0);
                    hh[j] = a;
                    pr[j] = vv[j] * a;
                }
            }
            case 3 -> {
                for (int j = 0; j < n; j++) {
                    double a = Math.max(hh[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j], 0.0);
                    hh[j] = a;
                    pr[j] = vv[j] * a;
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    double a = Math.max(hh[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j], 0.0);
                    hh[j] = a;
                    pr[j] = vv[j] * a;
                }
            }
        }
    }

    /** Adds inputs c.. c+3 (fewer at the end) of x_t·Wᵀ to h (initializing h at c = 0); returns the next c. */
    private int preactivationChunk(int t, int c) {
        int count = Math.min(4, d - c);
        int base = t * d + c;
        double x0 = x[base];
        double x1 = count > 1 ? x[base + 1] : 0;
        double x2 = count > 2 ? x[base + 2] : 0;
        double x3 = count > 3 ? x[base + 3] : 0;
        double[] w0 = wt[c];
        double[] w1 = wt[Math.min(c + 1, d - 1)];
        double[] w2 = wt[Math.min(c + 2, d - 1)];
        double[] w3 = wt[Math.min(c + 3, d - 1)];
        double[] hh = h;
        int n = cols;
        if (c == 0) {
            switch (count) {
                case 1 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = x0 * w0[j];
                    }
                }
                case 2 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = x0 * w0[j] + x1 * w1[j];
                    }
                }
                case 3 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = x0 * w0[j] + x1 * w1[j] + x2 * w2[j];
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                    }
                }
            }
        } else {
            switch (count) {
                case 1 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = hh[j] + x0 * w0[j];
                    }
                }
                case 2 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = hh[j] + x0 * w0[j] + x1 * w1[j];
                    }
                }
                case 3 -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = hh[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j];
                    }
                }
                default -> {
                    for (int j = 0; j < n; j++) {
                        hh[j] = hh[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j];
                    }
                }
            }
        }
        return c + count;
    }

    /** p_b = Σ_j v_j a_j − y_t per initialization (vertical sums over the neuron rows); loss += p². */
    private void outputs(int t) {
        java.util.Arrays.fill(p, 0);
        for (int j = 0; j < k; j++) {
            int off = j * batch;
            for (int b = 0; b < batch; b++) {
                p[b] += prod[off + b];
            }
        }
        double yt = y[t];
        for (int b = 0; b < batch; b++) {
            double res = p[b] - yt;
            p[b] = res;
            loss[b] += res * res;
        }
    }

    /** gv += r·a, q = r·relu'(h), gw += x_t ⊗ q (r spread over the neuron rows first, so all loops run over K). */
    private void accumulate(int t) {
        for (int j = 0; j < k; j++) {
            System.arraycopy(p, 0, q, j * batch, batch);
        }
        double[] hh = h;
        double[] qq = q;
        double[] g = gv;
        for (int j = 0; j < cols; j++) {
            double act = hh[j];
            double res = qq[j];
            g[j] += res * act;
            qq[j] = res * Math.min(act * HUGE * HUGE, 1.0);
        }
        for (int c = 0; c < d; c += 2) {
            if (c + 1 < d) {
                gradientPair(t, c);
            } else {
                double xc = x[t * d + c];
                double[] row = gw[c];
                for (int j = 0; j < cols; j++) {
                    row[j] += xc * qq[j];
                }
            }
        }
    }

    /** gw rows c and c + 1 += x_{t,c}·q, x_{t,c+1}·q in one pass (q loaded once). */
    private void gradientPair(int t, int c) {
        double x0 = x[t * d + c];
        double x1 = x[t * d + c + 1];
        double[] g0 = gw[c];
        double[] g1 = gw[c + 1];
        double[] qq = q;
        for (int j = 0; j < cols; j++) {
            double qj = qq[j];
            g0[j] += x0 * qj;
            g1[j] += x1 * qj;
        }
    }

    private void update(double eta) {
        double f = 2 * scale * eta;
        double[] vv = v;
        for (int c = 0; c < d; c++) {
            double[] w = wt[c];
            double[] g = gw[c];
            for (int j = 0; j < cols; j++) {
                w[j] -= f * vv[j] * g[j];
            }
        }
        double[] g = gv;
        for (int j = 0; j < cols; j++) {
            vv[j] -= f * g[j];
        }
    }
}
