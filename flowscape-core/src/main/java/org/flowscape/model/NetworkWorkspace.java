package org.flowscape.model;

import java.util.Arrays;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;

/**
 * Scratch memory and the batched calculus of a {@link Network} on up to {@code capacity} samples: the forward pass,
 * backpropagation, the R-operator (forward-over-reverse, Pearlmutter 1994) for many directions at once, and per-sample
 * Jacobians. Every product is one BLAS call over the whole batch.
 *
 * <p>Call order: {@link #forward} at θ, then {@link #backward} with ∂L/∂(outputs); {@link #hessianVectorProducts}
 * and {@link #jacobian} reuse both passes and need them to be current. Not thread-safe: one workspace per thread.
 * Buffers grow lazily and are reused; nothing is allocated in steady state.
 *
 * <p>Layout of the batched R-pass: for m directions, a layer's tangent is stored sample-major as n × m × width, so that
 * both halves of R{z_l} = R{a_{l−1}} W_lᵀ + a_{l−1} V_lᵀ are single matrix products.
 */
public final class NetworkWorkspace {
    /**
     * Doubles allowed for one U_l buffer of the dense Hessian assembly (about 64 MB); the sample chunk is sized from
     * it.
     */
    public static final long HESSIAN_BUDGET = 8L << 20;

    private final Network net;
    private final Blas blas;
    private final int layerCount;
    private final int capacity;
    private final int[] in;
    private final int[] out;
    private final double[][] w;
    private final double[][] z;
    private final double[][] a;
    private final double[][] d1;
    private final double[][] d2;
    private final double[][] g;
    private final double[][] delta;
    private final boolean[] secondCurrent;
    private double[] input;
    private int n;
    private double[][] jg;
    private double[][] jdelta;
    private NetworkKernel kernel;

    private int rCapacity;
    private double[][] rz;
    private double[][] ra;
    private double[][] rg;
    private double[][] rdelta;
    private double[] packed;
    private double[] product;

    /** A workspace for batches of at most {@code capacity} samples. */
    public NetworkWorkspace(Network net, int capacity) {
        this.net = net;
        this.blas = LinearAlgebra.blas();
        this.layerCount = net.depth();
        this.capacity = Checks.positive("capacity", capacity);
        in = new int[layerCount];
        out = new int[layerCount];
        w = new double[layerCount][];
        z = new double[layerCount][];
        a = new double[layerCount][];
        d1 = new double[layerCount][];
        d2 = new double[layerCount][];
        g = new double[layerCount][];
        delta = new double[layerCount][];
        secondCurrent = new boolean[layerCount];
        for (int l = 0; l < layerCount; l++) {
            DenseLayer layer = net.layers().get(l);
            in[l] = layer.inputs();
            out[l] = layer.outputs();
            w[l] = new double[in[l] * out[l]];
            z[l] = new double[capacity * out[l]];
            a[l] = new double[capacity * out[l]];
            d1[l] = new double[capacity * out[l]];
            d2[l] = new double[capacity * out[l]];
            g[l] = new double[capacity * out[l]];
            delta[l] = new double[capacity * out[l]];
        }
    }

    /** The network this workspace evaluates. */
    public Network network() {
        return net;
    }

    /** The largest batch this workspace takes. */
    public int capacity() {
        return capacity;
    }

    /** The batch size of the last forward pass. */
    public int batchSize() {
        return n;
    }

    /**
     * Forward pass on the first {@code rows} rows of {@code x} (rows × d, read only, kept by reference until the next
     * call). θ is read only (kept by reference too: do not modify it before the matching backward pass). Cost: one
     * product per layer plus the activations.
     */
    public void forward(double[] theta, double[] x, int rows) {
        Checks.dimension("theta", net.parameterCount(), theta.length);
        if (rows > capacity || rows <= 0) {
            throw new IllegalArgumentException("batch of " + rows + " rows does not fit capacity " + capacity);
        }
        Checks.atLeast("x", rows * in[0], x);
        this.input = x;
        this.n = rows;
        for (int l = 0; l < layerCount; l++) {
            int off = net.offset(l);
            System.arraycopy(theta, off, w[l], 0, w[l].length);
            double[] prev = l == 0 ? x : a[l - 1];
            blas.gemm(false, true, n, out[l], in[l], 1.0, prev, in[l], w[l], in[l], 0.0, z[l], out[l]);
            if (net.layers().get(l).bias()) {
                addBias(z[l], theta, off + w[l].length, n, out[l]);
            }
            // ψ'' only on demand (secondDerivatives): a gradient does not need it
            net.layers().get(l).activation().evaluateFirstOrder(z[l], a[l], d1[l], d2[l], n * out[l]);
            secondCurrent[l] = false;
        }
    }

    private static void addBias(double[] target, double[] bias, int biasOffset, int rows, int width) {
        for (int i = 0; i < rows; i++) {
            int r = i * width;
            for (int j = 0; j < width; j++) {
                target[r + j] += bias[biasOffset + j];
            }
        }
    }

    // Package-private views for NetworkHessian (read only there).
    double[] input() {
        return input;
    }

    double[] activations(int l) {
        return a[l];
    }

    double[] firstDerivatives(int l) {
        return d1[l];
    }

    /** ψ''(z_l) of the last forward pass, evaluated on first use after it (a, ψ' rewritten with the same bits). */
    double[] secondDerivatives(int l) {
        if (!secondCurrent[l]) {
            net.layers().get(l).activation().evaluate(z[l], a[l], d1[l], d2[l], n * out[l]);
            secondCurrent[l] = true;
        }
        return d2[l];
    }

    double[] outputAdjoint(int l) {
        return g[l];
    }

    double[] preActivationAdjoint(int l) {
        return delta[l];
    }

    double[] weights(int l) {
        return w[l];
    }

    /**
     * The exact dense Hessian of the loss whose gradient was last backpropagated, into {@code h} (P × P row-major,
     * overwritten), given the loss's per-sample output Hessian blocks (n·k·k, read only). Uses the Kronecker structure
     * of dense layers: the Gauss–Newton part is one symmetric rank-k update, the rest are products of size n·P·P_l.
     * See {@link NetworkHessian}. Requires current forward and backward passes.
     */
    public void hessian(double[] lossBlocks, boolean lossEntrywise, double[] h) {
        hessian(lossBlocks, lossEntrywise, h, HESSIAN_BUDGET);
    }

    /**
     * As {@link #hessian(double[], boolean, double[])}, with the samples processed in chunks whose U_l buffer holds at
     * most {@code budgetDoubles} doubles (at least one sample per chunk). The result does not depend on the budget
     * beyond round-off; tests use a small one to run the multi-chunk path.
     */
    public void hessian(double[] lossBlocks, boolean lossEntrywise, double[] h, long budgetDoubles) {
        new NetworkHessian(this, lossBlocks, lossEntrywise, budgetDoubles).assemble(h);
    }

    /** The outputs of the last forward pass (n × k, row-major; the array is longer when n &lt; capacity). */
    public double[] output() {
        return a[layerCount - 1];
    }

    /**
     * Backpropagation of {@code gradOutput} = ∂L/∂(outputs) (n × k, read only) through the last forward pass, writing
     * ∂L/∂θ into {@code gradTheta} (length P, overwritten). Cost: two products per layer.
     */
    public void backward(double[] gradOutput, double[] gradTheta) {
        backward(gradOutput, gradTheta, g, delta);
    }

    /**
     * The vector-Jacobian product Jᵀw at the last forward pass: {@code cotangent} w (n × k, read only) backpropagated
     * into {@code out} (length P, overwritten), J as in {@link #jacobian}. Uses its own buffers, so the state of
     * {@link #backward} (which {@link #hessianVectorProducts} reads) is left intact. Cost: one backward pass.
     */
    public void vectorJacobianProduct(double[] cotangent, double[] out) {
        ensureJacobianBuffers();
        backward(cotangent, out, jg, jdelta);
    }

    private void backward(double[] gradOutput, double[] gradTheta, double[][] gBuf, double[][] deltaBuf) {
        Checks.dimension("gradTheta", net.parameterCount(), gradTheta.length);
        int last = layerCount - 1;
        System.arraycopy(gradOutput, 0, gBuf[last], 0, n * out[last]);
        for (int l = last; l >= 0; l--) {
            int width = out[l];
            double[] dl = deltaBuf[l];
            for (int i = 0; i < n * width; i++) {
                dl[i] = d1[l][i] * gBuf[l][i];
            }
            double[] prev = l == 0 ? input : a[l - 1];
            int off = net.offset(l);
            blas.gemm(true, false, width, in[l], n, 1.0, dl, 0, width, prev, 0, in[l], 0.0, gradTheta, off, in[l]);
            if (net.layers().get(l).bias()) {
                columnSums(dl, n, width, gradTheta, off + w[l].length);
            }
            if (l > 0) {
                blas.gemm(false, false, n, in[l], width, 1.0, dl, width, w[l], in[l], 0.0, gBuf[l - 1], in[l]);
            }
        }
    }

    /**
     * The upper triangle (j ≥ i) of the empirical NTK K = J Jᵀ at the last forward pass ((n·k) × (n·k) row-major,
     * row i·k + o as in {@link #jacobian}) into {@code kOut}; the strict lower triangle is not written. Formed layer by
     * layer from backpropagated signals and activation Gram matrices, never from J: see {@code NetworkKernel}.
     * Needs only a current forward pass. Cost per layer: syrks of (n·k) × h_l and n × d_{l−1} plus (n·k)²
     * multiply-adds.
     */
    public void ntkUpper(double[] kOut) {
        int m = n * out[layerCount - 1];
        Checks.atLeast("kOut", m * m, kOut);
        if (kernel == null) {
            kernel = new NetworkKernel(this, blas);
        }
        kernel.assembleUpper(kOut);
    }

    private void ensureJacobianBuffers() {
        if (jg == null) {
            jg = new double[layerCount][];
            jdelta = new double[layerCount][];
            for (int l = 0; l < layerCount; l++) {
                jg[l] = new double[capacity * out[l]];
                jdelta[l] = new double[capacity * out[l]];
            }
        }
    }

    private static void columnSums(double[] m, int rows, int cols, double[] target, int offset) {
        Arrays.fill(target, offset, offset + cols, 0.0);
        for (int i = 0; i < rows; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                target[offset + j] += m[r + j];
            }
        }
    }

    /**
     * Hessian-vector products for {@code m} directions at once, reusing the last forward and backward passes. The
     * directions are the rows of {@code v} (m × P, read only); H·v_r goes to row r of {@code hv} (m × P, overwritten).
     * {@code lossBlocks} holds the per-sample k × k Hessian blocks of the loss with respect to the outputs (n·k·k, read
     * only), as from {@link org.flowscape.loss.Loss#hessianBlocks}. Cost: about six products per layer, each m times
     * the size of the forward pass's.
     */
    public void hessianVectorProducts(double[] v, int m, double[] lossBlocks, double[] hv) {
        int p = net.parameterCount();
        Checks.atLeast("v", m * p, v);
        Checks.atLeast("hv", m * p, hv);
        ensureTangents(m);
        for (int l = 0; l < layerCount; l++) {
            tangentForward(l, v, m);
        }
        int last = layerCount - 1;
        applyLossBlocks(lossBlocks, m, out[last]);
        tangentDelta(last, m);
        for (int l = last; l >= 0; l--) {
            tangentBackward(l, v, m, hv);
            if (l > 0) {
                tangentDelta(l - 1, m);
            }
        }
    }

    private void ensureTangents(int m) {
        if (m <= rCapacity) {
            return;
        }
        rz = new double[layerCount][];
        ra = new double[layerCount][];
        rg = new double[layerCount][];
        rdelta = new double[layerCount][];
        int maxPacked = 0;
        for (int l = 0; l < layerCount; l++) {
            int size = capacity * m * out[l];
            rz[l] = new double[size];
            ra[l] = new double[size];
            rg[l] = new double[size];
            rdelta[l] = new double[size];
            maxPacked = Math.max(maxPacked, in[l] * out[l] * m);
        }
        packed = new double[maxPacked];
        product = new double[maxPacked];
        rCapacity = m;
    }

    /** R{z_l} = R{a_{l−1}} W_lᵀ + a_{l−1} V_lᵀ + R{b_l};  R{a_l} = ψ'(z_l) ⊙ R{z_l}. */
    private void tangentForward(int l, double[] v, int m) {
        int off = net.offset(l);
        int p = net.parameterCount();
        int width = out[l];
        int fan = in[l];
        // packed: fan × (m·width), packed[k, r·width + j] = V_r[W_l[j, k]]
        for (int r = 0; r < m; r++) {
            int src = r * p + off;
            for (int j = 0; j < width; j++) {
                for (int k = 0; k < fan; k++) {
                    packed[k * m * width + r * width + j] = v[src + j * fan + k];
                }
            }
        }
        double[] prev = l == 0 ? input : a[l - 1];
        blas.gemm(false, false, n, m * width, fan, 1.0, prev, fan, packed, m * width, 0.0, rz[l], m * width);
        if (l > 0) {
            blas.gemm(false, true, n * m, width, fan, 1.0, ra[l - 1], fan, w[l], fan, 1.0, rz[l], width);
        }
        if (net.layers().get(l).bias()) {
            int boff = off + fan * width;
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < m; r++) {
                    int row = (i * m + r) * width;
                    int src = r * p + boff;
                    for (int j = 0; j < width; j++) {
                        rz[l][row + j] += v[src + j];
                    }
                }
            }
        }
        double[] dz = d1[l];
        double[] rzl = rz[l];
        double[] ral = ra[l];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m; r++) {
                int row = (i * m + r) * width;
                int base = i * width;
                for (int j = 0; j < width; j++) {
                    ral[row + j] = dz[base + j] * rzl[row + j];
                }
            }
        }
    }

    /** R{∂L/∂a_L} = B_i · R{a_L} per sample and direction. */
    private void applyLossBlocks(double[] blocks, int m, int k) {
        int last = layerCount - 1;
        double[] src = ra[last];
        double[] dst = rg[last];
        for (int i = 0; i < n; i++) {
            int b = i * k * k;
            for (int r = 0; r < m; r++) {
                int row = (i * m + r) * k;
                for (int o = 0; o < k; o++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += blocks[b + o * k + q] * src[row + q];
                    }
                    dst[row + o] = s;
                }
            }
        }
    }

    /** R{δ_l} = ψ''(z_l) ⊙ R{z_l} ⊙ g_l + ψ'(z_l) ⊙ R{g_l}. */
    private void tangentDelta(int l, int m) {
        int width = out[l];
        double[] dd1 = d1[l];
        double[] dd2 = secondDerivatives(l);
        double[] gl = g[l];
        double[] rzl = rz[l];
        double[] rgl = rg[l];
        double[] rdl = rdelta[l];
        for (int i = 0; i < n; i++) {
            int base = i * width;
            for (int r = 0; r < m; r++) {
                int row = (i * m + r) * width;
                for (int j = 0; j < width; j++) {
                    rdl[row + j] = dd2[base + j] * rzl[row + j] * gl[base + j] + dd1[base + j] * rgl[row + j];
                }
            }
        }
    }

    /**
     * R{∂L/∂W_l} = R{δ_l}ᵀ a_{l−1} + δ_lᵀ R{a_{l−1}};  R{∂L/∂b_l} = Σ_i R{δ_l};
     * R{g_{l−1}} = R{δ_l} W_l + δ_l V_l.
     */
    private void tangentBackward(int l, double[] v, int m, double[] hv) {
        int off = net.offset(l);
        int p = net.parameterCount();
        int width = out[l];
        int fan = in[l];
        double[] prev = l == 0 ? input : a[l - 1];
        // product: (m·width) × fan, row (r, j)
        blas.gemm(true, false, m * width, fan, n, 1.0, rdelta[l], m * width, prev, fan, 0.0, product, fan);
        for (int r = 0; r < m; r++) {
            System.arraycopy(product, r * width * fan, hv, r * p + off, width * fan);
        }
        if (l > 0) {
            // product: width × (m·fan), element [j, r·fan + k]
            blas.gemm(true, false, width, m * fan, n, 1.0, delta[l], width, ra[l - 1], m * fan, 0.0, product, m * fan);
            for (int r = 0; r < m; r++) {
                int dst = r * p + off;
                for (int j = 0; j < width; j++) {
                    int src = j * m * fan + r * fan;
                    for (int k = 0; k < fan; k++) {
                        hv[dst + j * fan + k] += product[src + k];
                    }
                }
            }
        }
        if (net.layers().get(l).bias()) {
            int boff = off + fan * width;
            for (int r = 0; r < m; r++) {
                Arrays.fill(hv, r * p + boff, r * p + boff + width, 0.0);
            }
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < m; r++) {
                    int row = (i * m + r) * width;
                    int dst = r * p + boff;
                    for (int j = 0; j < width; j++) {
                        hv[dst + j] += rdelta[l][row + j];
                    }
                }
            }
        }
        if (l > 0) {
            blas.gemm(false, false, n * m, fan, width, 1.0, rdelta[l], width, w[l], fan, 0.0, rg[l - 1], fan);
            // packed: width × (m·fan), packed[j, r·fan + k] = V_r[W_l[j, k]]
            for (int r = 0; r < m; r++) {
                int src = r * p + off;
                for (int j = 0; j < width; j++) {
                    System.arraycopy(v, src + j * fan, packed, j * m * fan + r * fan, fan);
                }
            }
            blas.gemm(false, false, n, m * fan, width, 1.0, delta[l], width, packed, m * fan, 1.0, rg[l - 1], m * fan);
        }
    }

    /**
     * The Jacobian of the outputs with respect to θ at the last forward pass: row (i·k + o) of {@code jac}
     * ((n·k) × P, overwritten) is ∂f_o(x_i)/∂θ. Leaves the backward pass intact. Cost: k backward passes plus
     * writing n·k·P entries.
     */
    public void jacobian(double[] jac) {
        int p = net.parameterCount();
        int last = layerCount - 1;
        int k = out[last];
        Checks.atLeast("jac", n * k * p, jac);
        ensureJacobianBuffers();
        for (int o = 0; o < k; o++) {
            Arrays.fill(jg[last], 0, n * k, 0.0);
            for (int i = 0; i < n; i++) {
                jg[last][i * k + o] = 1.0;
            }
            for (int l = last; l >= 0; l--) {
                int width = out[l];
                int fan = in[l];
                for (int i = 0; i < n * width; i++) {
                    jdelta[l][i] = d1[l][i] * jg[l][i];
                }
                double[] prev = l == 0 ? input : a[l - 1];
                int off = net.offset(l);
                boolean bias = net.layers().get(l).bias();
                for (int i = 0; i < n; i++) {
                    int row = (i * k + o) * p + off;
                    for (int j = 0; j < width; j++) {
                        double dj = jdelta[l][i * width + j];
                        int dst = row + j * fan;
                        for (int q = 0; q < fan; q++) {
                            jac[dst + q] = dj * prev[i * fan + q];
                        }
                        if (bias) {
                            jac[row + width * fan + j] = dj;
                        }
                    }
                }
                if (l > 0) {
                    blas.gemm(false, false, n, fan, width, 1.0, jdelta[l], width, w[l], fan, 0.0, jg[l - 1], fan);
                }
            }
        }
    }
}
