package org.flowscape.model;

import java.util.Arrays;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;

/**
 * Assembles the exact dense Hessian of L(θ) = Σ_i ℓ(f(θ; x_i), y_i) for a layered network from the forward and backward
 * passes, with matrix products shaped like the Gauss–Newton computation instead of P Hessian-vector products.
 *
 * <p>For one sample, with z_l = W_l a_{l−1} + b_l, a_l = ψ_l(z_l), adjoints g_l = ∂ℓ/∂a_l and δ_l = ψ_l' ⊙ g_l, the
 * second-order chain rule gives exactly
 * <pre>
 *   H = Σ_l Z_lᵀ D_l Z_l + Σ_{l≥2} (B_l + B_lᵀ),
 *   Z_l = ∂z_l/∂θ = [ U_l | I ⊗ ã_{l−1}ᵀ ]   (U_l = W_l A_{l−1} over θ_{&lt;l}; ã = [a; 1] with a bias),
 *   A_l = ∂a_l/∂θ = diag(ψ_l') Z_l,
 *   D_l = diag(ψ_l'' ⊙ g_l)  (+ diag(ψ_L') Λ diag(ψ_L') at the output, Λ = ∂²ℓ/∂f²),
 *   B_l[W_l(j,q), p] = δ_l[j] · A_{l−1}[q, p]   (the bilinearity of W_l a_{l−1}).
 * </pre>
 * Each Z_lᵀ D_l Z_l splits into the block on θ_{&lt;l} (a symmetric rank update of the rows of U_l, split by the
 * sign of D so that it is one {@code syrk} each), the cross block (θ_l, θ_{&lt;l}) (one product per unit) and the
 * block-diagonal (θ_l, θ_l) part (one small product per unit). Samples are processed in chunks so that U_l fits a memory budget.
 * Only the upper triangle is accumulated; it is mirrored at the end. This is our own derivation (no library offers a
 * structured exact Hessian for networks); the contract test checks it against stacked Hessian-vector products.
 *
 * <p>Cost: about n·P² multiply-adds for the Gauss–Newton-shaped part plus n·P·P_l per layer.
 */
final class NetworkHessian {
    /** Doubles allowed for one U_l buffer; the sample chunk is sized from it. */
    private final long budget;

    private final NetworkWorkspace ws;
    private final Network net;
    private final Blas blas = LinearAlgebra.blas();
    private final double[] lossBlocks;
    private final boolean lossEntrywise;
    private final int layerCount;
    private final int p;
    private final int k;

    NetworkHessian(NetworkWorkspace ws, double[] lossBlocks, boolean lossEntrywise, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("Hessian chunk budget must be at least 1 double, got " + budget);
        }
        this.budget = budget;
        this.ws = ws;
        this.net = ws.network();
        this.lossBlocks = lossBlocks;
        this.lossEntrywise = lossEntrywise;
        this.layerCount = net.depth();
        this.p = net.parameterCount();
        this.k = net.outputDim();
    }

    private int fanIn(int l) {
        return net.layers().get(l).inputs();
    }

    private int width(int l) {
        return net.layers().get(l).outputs();
    }

    private boolean bias(int l) {
        return net.layers().get(l).bias();
    }

    /** Columns of ã_{l−1}: the layer's inputs plus one for the bias. */
    private int augmented(int l) {
        return fanIn(l) + (bias(l) ? 1 : 0);
    }

    /** Index in θ of W_l[j, q] (q &lt; fanIn) or of b_l[j] (q = fanIn). */
    private int column(int l, int j, int q) {
        int fin = fanIn(l);
        return q < fin ? net.offset(l) + j * fin + q : net.offset(l) + width(l) * fin + j;
    }

    private int chunkSize() {
        long widest = 1;
        for (int l = 0; l < layerCount; l++) {
            widest = Math.max(widest, (long) width(l) * Math.max(1, net.offset(l)));
            widest = Math.max(widest, (long) width(l) * augmented(l) * Math.max(1, l));
        }
        return (int) Math.max(1, Math.min(ws.batchSize(), budget / widest));
    }

    void assemble(double[] h) {
        Arrays.fill(h, 0, p * p, 0.0);
        int n = ws.batchSize();
        int chunk = chunkSize();
        for (int s = 0; s < n; s += chunk) {
            new Chunk(s, Math.min(chunk, n - s)).run(h);
        }
        Blas.copyUpperToLower(h, 0, p, p);
    }

    /** The work on samples [start, start + c). */
    private final class Chunk {
        private final int start;
        private final int c;

        Chunk(int start, int c) {
            this.start = start;
            this.c = c;
        }

        void run(double[] h) {
            double[] u = null; // U_l, unit-major: [j][i][col < offset(l)]
            double[] aDensePrev = null; // ψ'_{l−1} ⊙ U_{l−1}, [q][i][col < offset(l−1)]
            double[] atilPrev = null;
            for (int l = 0; l < layerCount; l++) {
                double[] atil = augmentedInputs(l);
                Curvature d = curvature(l);
                int before = net.offset(l);
                if (before > 0) {
                    gaussNewtonBlock(l, u, d, h);
                    crossBlock(l, u, d, atil, h);
                    bilinearKronecker(l, atilPrev, h);
                    if (aDensePrev != null) {
                        bilinearDense(l, aDensePrev, h);
                    }
                }
                diagonalBlocks(l, d, atil, h);
                if (l + 1 < layerCount) {
                    double[] aDense = before > 0 ? scaleRows(l, u) : null;
                    u = nextU(l, aDense, atil);
                    aDensePrev = aDense;
                }
                atilPrev = atil;
            }
        }

        /** ã_{l−1} for the chunk: c × augmented(l), the layer's inputs with a trailing 1 for the bias. */
        private double[] augmentedInputs(int l) {
            int fin = fanIn(l);
            int m = augmented(l);
            double[] src = l == 0 ? ws.input() : ws.activations(l - 1);
            double[] out = new double[c * m];
            for (int i = 0; i < c; i++) {
                System.arraycopy(src, (start + i) * fin, out, i * m, fin);
                if (m > fin) {
                    out[i * m + fin] = 1.0;
                }
            }
            return out;
        }

        /** D_l for the chunk: diagonal c × width, or full c × k × k at a non-entrywise output. */
        private Curvature curvature(int l) {
            int w = width(l);
            double[] d1 = ws.firstDerivatives(l);
            double[] d2 = ws.secondDerivatives(l);
            double[] g = ws.outputAdjoint(l);
            boolean output = l == layerCount - 1;
            if (output && !lossEntrywise) {
                double[] full = new double[c * k * k];
                for (int i = 0; i < c; i++) {
                    int row = (start + i) * k;
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            double v = d1[row + a] * lossBlocks[(start + i) * k * k + a * k + b] * d1[row + b];
                            full[i * k * k + a * k + b] = v + (a == b ? d2[row + a] * g[row + a] : 0);
                        }
                    }
                }
                return new Curvature(null, full);
            }
            double[] diag = new double[c * w];
            for (int i = 0; i < c; i++) {
                int row = (start + i) * w;
                for (int j = 0; j < w; j++) {
                    double v = d2[row + j] * g[row + j];
                    if (output) {
                        v += d1[row + j] * d1[row + j] * lossBlocks[(start + i) * k * k + j * k + j];
                    }
                    diag[i * w + j] = v;
                }
            }
            return new Curvature(diag, null);
        }

        /** H[θ_{&lt;l}, θ_{&lt;l}] += U_lᵀ D_l U_l as one syrk per sign of D. */
        private void gaussNewtonBlock(int l, double[] u, Curvature d, double[] h) {
            int w = width(l);
            int cols = net.offset(l);
            double constant = d.constant();
            if (constant != 0 && !Double.isNaN(constant)) {
                // every row has the same weight (an mse output): one syrk on U itself, no scaled copy
                blas.syrkUpper(true, cols, w * c, constant, u, 0, cols, 1.0, h, 0, p);
                return;
            }
            int[] signs = d.diagonal != null ? countSigns(d.diagonal) : new int[] {w * c, w * c};
            double[] pos = new double[signs[0] * cols];
            double[] neg = new double[signs[1] * cols];
            int np = 0;
            int nn = 0;
            if (d.diagonal != null) {
                for (int j = 0; j < w; j++) {
                    for (int i = 0; i < c; i++) {
                        double v = d.diagonal[i * w + j];
                        if (v == 0) {
                            continue;
                        }
                        double s = Math.sqrt(Math.abs(v));
                        double[] dst = v > 0 ? pos : neg;
                        int r = v > 0 ? np++ : nn++;
                        scaledCopy(u, (j * c + i) * cols, s, dst, r * cols, cols);
                    }
                }
            } else {
                double[] q = new double[k * k];
                double[] e = new double[k];
                double[] row = new double[cols];
                for (int i = 0; i < c; i++) {
                    System.arraycopy(d.full, i * k * k, q, 0, k * k);
                    blas.symmetricEigen(k, q, true, e);
                    for (int m = 0; m < k; m++) {
                        if (e[m] == 0) {
                            continue;
                        }
                        Arrays.fill(row, 0.0);
                        for (int j = 0; j < k; j++) {
                            double qj = q[j * k + m];
                            int src = (j * c + i) * cols;
                            for (int col = 0; col < cols; col++) {
                                row[col] += qj * u[src + col];
                            }
                        }
                        double[] dst = e[m] > 0 ? pos : neg;
                        int r = e[m] > 0 ? np++ : nn++;
                        scaledCopy(row, 0, Math.sqrt(Math.abs(e[m])), dst, r * cols, cols);
                    }
                }
            }
            if (np > 0) {
                blas.syrkUpper(true, cols, np, 1.0, pos, 0, cols, 1.0, h, 0, p);
            }
            if (nn > 0) {
                blas.syrkUpper(true, cols, nn, -1.0, neg, 0, cols, 1.0, h, 0, p);
            }
        }

        /** H[θ_{&lt;l}, θ_l] += (ã ⊗ D U)ᵀ: one product per unit j of layer l. */
        private void crossBlock(int l, double[] u, Curvature d, double[] atil, double[] h) {
            int w = width(l);
            int cols = net.offset(l);
            int m = augmented(l);
            double constant = d.constant();
            boolean uniform = !Double.isNaN(constant);
            if (uniform && constant == 0) {
                return;
            }
            double[] du = uniform ? u : applyCurvature(l, u, d);
            double alpha = uniform ? constant : 1.0;
            double[] t = new double[m * cols];
            for (int j = 0; j < w; j++) {
                blas.gemm(true, false, m, cols, c, alpha, atil, 0, m, du, j * c * cols, cols, 0.0, t, 0, cols);
                for (int q = 0; q < m; q++) {
                    int target = column(l, j, q);
                    for (int col = 0; col < cols; col++) {
                        h[col * p + target] += t[q * cols + col];
                    }
                }
            }
        }

        /** D_l U_l, unit-major like U. */
        private double[] applyCurvature(int l, double[] u, Curvature d) {
            int w = width(l);
            int cols = net.offset(l);
            double[] du = new double[w * c * cols];
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < w; j++) {
                    int dst = (j * c + i) * cols;
                    if (d.diagonal != null) {
                        scaledCopy(u, dst, d.diagonal[i * w + j], du, dst, cols);
                        continue;
                    }
                    for (int jj = 0; jj < w; jj++) {
                        double v = d.full[i * k * k + j * k + jj];
                        if (v != 0) {
                            int src = (jj * c + i) * cols;
                            for (int col = 0; col < cols; col++) {
                                du[dst + col] += v * u[src + col];
                            }
                        }
                    }
                }
            }
            return du;
        }

        /**
         * H[θ_{l−1}(q, r), W_l(j, q)] += Σ_i δ_l[i, j] ψ'_{l−1}[i, q] ã_{l−2}[i, r]: the bilinear term on the Kronecker
         * part of A_{l−1}.
         */
        private void bilinearKronecker(int l, double[] atilPrev, double[] h) {
            int w = width(l);
            int fin = fanIn(l);
            int mPrev = augmented(l - 1);
            double[] delta = ws.preActivationAdjoint(l);
            double[] psi = ws.firstDerivatives(l - 1);
            double[] e = new double[c * w];
            double[] t = new double[w * mPrev];
            for (int q = 0; q < fin; q++) {
                for (int i = 0; i < c; i++) {
                    double s = psi[(start + i) * fin + q];
                    for (int j = 0; j < w; j++) {
                        e[i * w + j] = s * delta[(start + i) * w + j];
                    }
                }
                blas.gemm(true, false, w, mPrev, c, 1.0, e, 0, w, atilPrev, 0, mPrev, 0.0, t, 0, mPrev);
                for (int j = 0; j < w; j++) {
                    int target = column(l, j, q);
                    for (int r = 0; r < mPrev; r++) {
                        h[column(l - 1, q, r) * p + target] += t[j * mPrev + r];
                    }
                }
            }
        }

        /** H[col, W_l(j, q)] += Σ_i δ_l[i, j] (ψ'_{l−1} ⊙ U_{l−1})[q][i][col] over θ_{&lt;l−1}. */
        private void bilinearDense(int l, double[] aDensePrev, double[] h) {
            int w = width(l);
            int fin = fanIn(l);
            int cols = net.offset(l - 1);
            double[] t = new double[w * cols];
            for (int q = 0; q < fin; q++) {
                blas.gemm(true, false, w, cols, c, 1.0, ws.preActivationAdjoint(l), start * w, w, aDensePrev,
                        q * c * cols, cols, 0.0, t, 0, cols);
                for (int j = 0; j < w; j++) {
                    int target = column(l, j, q);
                    for (int col = 0; col < cols; col++) {
                        h[col * p + target] += t[j * cols + col];
                    }
                }
            }
        }

        /** H[θ_l, θ_l] += Σ_i D_i[j, j'] ã_i ã_iᵀ per pair of units (only j = j' for a diagonal D). */
        private void diagonalBlocks(int l, Curvature d, double[] atil, double[] h) {
            int w = width(l);
            int m = augmented(l);
            double[] scaled = new double[c * m];
            double[] t = new double[m * m];
            for (int j = 0; j < w; j++) {
                for (int jj = d.diagonal != null ? j : 0; jj < (d.diagonal != null ? j + 1 : w); jj++) {
                    boolean any = false;
                    for (int i = 0; i < c; i++) {
                        double v = d.diagonal != null ? d.diagonal[i * w + j] : d.full[i * k * k + j * k + jj];
                        any |= v != 0;
                        scaledCopy(atil, i * m, v, scaled, i * m, m);
                    }
                    if (!any) {
                        continue;
                    }
                    blas.gemm(true, false, m, m, c, 1.0, scaled, 0, m, atil, 0, m, 0.0, t, 0, m);
                    for (int a = 0; a < m; a++) {
                        int row = column(l, j, a);
                        for (int b = 0; b < m; b++) {
                            int col = column(l, jj, b);
                            if (row <= col) {
                                h[row * p + col] += t[a * m + b];
                            }
                        }
                    }
                }
            }
        }

        /** ψ'_l ⊙ U_l, unit-major. */
        private double[] scaleRows(int l, double[] u) {
            int w = width(l);
            int cols = net.offset(l);
            double[] psi = ws.firstDerivatives(l);
            double[] out = new double[w * c * cols];
            for (int j = 0; j < w; j++) {
                for (int i = 0; i < c; i++) {
                    scaledCopy(u, (j * c + i) * cols, psi[(start + i) * w + j], out, (j * c + i) * cols, cols);
                }
            }
            return out;
        }

        /** U_{l+1} = W_{l+1} A_l: the dense part by one product, the Kronecker part W_{l+1}[:, j] ψ'_l[j] ã_{l−1}ᵀ. */
        private double[] nextU(int l, double[] aDense, double[] atil) {
            int wNext = width(l + 1);
            int w = width(l);
            int colsOld = net.offset(l);
            int cols = net.offset(l + 1);
            int m = augmented(l);
            double[] wt = ws.weights(l + 1);
            double[] psi = ws.firstDerivatives(l);
            double[] out = new double[wNext * c * cols];
            if (aDense != null) {
                double[] t = new double[wNext * c * colsOld];
                blas.gemm(false, false, wNext, c * colsOld, w, 1.0, wt, 0, w, aDense, 0, c * colsOld, 0.0, t, 0,
                        c * colsOld);
                for (int r = 0; r < wNext * c; r++) {
                    System.arraycopy(t, r * colsOld, out, r * cols, colsOld);
                }
            }
            int fin = fanIn(l);
            int weights = net.offset(l);
            int biases = weights + w * fin;
            for (int mm = 0; mm < wNext; mm++) {
                for (int i = 0; i < c; i++) {
                    int row = (mm * c + i) * cols;
                    for (int j = 0; j < w; j++) {
                        double s = wt[mm * w + j] * psi[(start + i) * w + j];
                        if (s == 0) {
                            continue;
                        }
                        scaledCopy(atil, i * m, s, out, row + weights + j * fin, fin);
                        if (m > fin) {
                            out[row + biases + j] = s;
                        }
                    }
                }
            }
            return out;
        }
    }

    private static void scaledCopy(double[] src, int srcOffset, double s, double[] dst, int dstOffset, int length) {
        for (int t = 0; t < length; t++) {
            dst[dstOffset + t] = s * src[srcOffset + t];
        }
    }

    /** Counts the positive and negative entries of {@code d}. */
    private static int[] countSigns(double[] d) {
        int pos = 0;
        int neg = 0;
        for (double v : d) {
            if (v > 0) {
                pos++;
            } else if (v < 0) {
                neg++;
            }
        }
        return new int[] {pos, neg};
    }

    /** D_l for a chunk: exactly one of the two is non-null. */
    private record Curvature(double[] diagonal, double[] full) {
        /** The common value when D is diagonal with all entries equal (an mse output layer), else NaN. */
        double constant() {
            if (diagonal == null || diagonal.length == 0) {
                return Double.NaN;
            }
            double v = diagonal[0];
            for (double x : diagonal) {
                if (x != v) {
                    return Double.NaN;
                }
            }
            return v;
        }
    }
}
