package org.flowscape.model;

import java.util.Arrays;
import org.flowscape.linalg.Blas;

/**
 * The empirical neural tangent kernel K = J Jᵀ of a {@link NetworkWorkspace}'s last forward pass, formed from the
 * layer structure without the Jacobian. For a dense layer z = a W ᵀ + b the rows of J restricted to W_l are
 * δ_l ⊗ ã_{l−1} (δ_l the output's adjoint at the pre-activation, ã_{l−1} the layer's input), so that layer's share of
 * K is the Hadamard product (D_l D_lᵀ) ∘ (A_{l−1}A_{l−1}ᵀ + [bias]·11ᵀ), D_l stacking δ_l for every output. Cost per
 * layer (upper triangles, by row blocks of gemm): the Grams of (n·k) × h_l and n × d_{l−1} and (n·k)²/2
 * multiply-adds for the Hadamard product, i.e.
 * n²·Σ(k²h_l + d_{l−1}) against n²k²P for the syrk of the Jacobian (6× less for a 10-100-1 network). The signals D_l
 * come from one backward pass over n·k rows. Written here because no library forms the NTK from a network's layers.
 *
 * <p>Buffers are allocated on first use for the workspace's capacity and reused. Not thread-safe.
 */
final class NetworkKernel {
    /** Rows of K formed together (the Gram blocks then hold BLOCK × n·k doubles). */
    static final int BLOCK = 64;
    private final NetworkWorkspace ws;
    private final Blas blas;
    private final int depth;
    private final int k;
    private final int[] in;
    private final int[] out;
    private final boolean[] bias;
    private final double[][] deltas;
    private final double[] adjoint;
    private final double[] deltaGram;
    private final double[] inputGram;

    NetworkKernel(NetworkWorkspace ws, Blas blas) {
        this.ws = ws;
        this.blas = blas;
        Network net = ws.network();
        this.depth = net.depth();
        this.in = new int[depth];
        this.out = new int[depth];
        this.bias = new boolean[depth];
        int capacity = ws.capacity();
        int widest = 1;
        for (int l = 0; l < depth; l++) {
            DenseLayer layer = net.layers().get(l);
            in[l] = layer.inputs();
            out[l] = layer.outputs();
            bias[l] = layer.bias();
            widest = Math.max(widest, in[l]);
        }
        this.k = out[depth - 1];
        this.deltas = new double[depth][];
        for (int l = 0; l < depth; l++) {
            deltas[l] = new double[capacity * k * out[l]];
        }
        this.adjoint = new double[capacity * k * widest];
        this.deltaGram = new double[BLOCK * capacity * k];
        this.inputGram = new double[BLOCK * capacity];
    }

    /**
     * The upper triangle (j ≥ i) of K ((n·k) × (n·k) row-major, row i·k + o) into {@code kOut}; the strict lower
     * triangle is left as it was. Requires a current forward pass of the workspace. Works in blocks of
     * {@link #BLOCK} rows so that the Gram blocks and the block of K stay in cache between the products and the
     * Hadamard accumulation; layers with one unit and one output (a scalar head) skip the signal Gram, which is then
     * an outer product.
     */
    void assembleUpper(double[] kOut) {
        int n = ws.batchSize();
        int m = n * k;
        signals(n);
        for (int r0 = 0; r0 < m; r0 += BLOCK) {
            int r1 = Math.min(m, r0 + BLOCK);
            for (int l = 0; l < depth; l++) {
                layerBlock(l, n, r0, r1, kOut, l == 0);
            }
        }
    }

    /** Rows [r0, r1), columns [r0, m) of layer l's share of K, written ({@code first}) or added into kOut. */
    private void layerBlock(int l, int n, int r0, int r1, double[] kOut, boolean first) {
        int m = n * k;
        int rows = r1 - r0;
        int cols = m - r0;
        int s0 = r0 / k;
        int sRows = (r1 - 1) / k + 1 - s0;
        int sCols = n - s0;
        double[] prev = l == 0 ? ws.input() : ws.activations(l - 1);
        blas.gemm(false, true, sRows, sCols, in[l], 1.0, prev, s0 * in[l], in[l], prev, s0 * in[l], in[l], 0.0,
                inputGram, 0, sCols);
        double b = bias[l] ? 1.0 : 0.0;
        double[] d = deltas[l];
        if (k == 1 && out[l] == 1) {
            for (int r = r0; r < r1; r++) {
                int row = r * m;
                int grow = (r - s0) * sCols - s0;
                double dr = d[r];
                for (int c = r; c < m; c++) {
                    double v = dr * d[c] * (inputGram[grow + c] + b);
                    kOut[row + c] = first ? v : kOut[row + c] + v;
                }
            }
            return;
        }
        blas.gemm(false, true, rows, cols, out[l], 1.0, d, r0 * out[l], out[l], d, r0 * out[l], out[l], 0.0,
                deltaGram, 0, cols);
        for (int r = r0; r < r1; r++) {
            int row = r * m;
            int drow = (r - r0) * cols - r0;
            int grow = (r / k - s0) * sCols - s0;
            for (int c = r; c < m; c++) {
                double v = deltaGram[drow + c] * (inputGram[grow + c / k] + b);
                kOut[row + c] = first ? v : kOut[row + c] + v;
            }
        }
    }

    /** D_l for every layer: row i·k + o is ∂f_o(x_i)/∂z_l (one backward pass over n·k rows). */
    private void signals(int n) {
        int m = n * k;
        int last = depth - 1;
        double[] top = deltas[last];
        double[] d1 = ws.firstDerivatives(last);
        Arrays.fill(top, 0, m * k, 0.0);
        for (int r = 0; r < m; r++) {
            top[r * k + r % k] = d1[r];
        }
        for (int l = last; l > 0; l--) {
            int width = in[l];
            blas.gemm(false, false, m, width, out[l], 1.0, deltas[l], out[l], ws.weights(l), width, 0.0, adjoint,
                    width);
            double[] dl = ws.firstDerivatives(l - 1);
            double[] target = deltas[l - 1];
            for (int r = 0; r < m; r++) {
                int src = (r / k) * width;
                int row = r * width;
                for (int j = 0; j < width; j++) {
                    target[row + j] = dl[src + j] * adjoint[row + j];
                }
            }
        }
    }
}
