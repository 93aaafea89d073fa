package org.flowscape.analysis;

import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;

/**
 * The canonical representative of θ modulo one GL(h) gauge between a linear layer l and layer l + 1
 * ((W_l, b_l, W_{l+1}) ↦ (G W_l, G b_l, W_{l+1} G⁻¹), which leaves W_{l+1}(W_l a + b_l) unchanged). With
 * A = [W_l | b_l] (h × (d + 1), or h × d without bias) of full row rank h, the orbit {G A} is determined by A's row
 * space, whose orthogonal projector Π = Aᵀ(AAᵀ)⁻¹A is invariant. The representative is A' = Qᵀ with Q (d × h) the
 * orthonormal basis that Gram–Schmidt makes of Π's columns in order (skipping columns already in the span): a
 * deterministic function of Π, hence the same for every point of the orbit. It is G A with G = Qᵀ A⁺ (A⁺ = Aᵀ(AAᵀ)⁻¹,
 * since ΠQ = Q), whose inverse is A Q (Qᵀ A⁺ A Q = Qᵀ Q = I), so W_{l+1} ← W_{l+1} A Q. When A is rank-deficient the
 * stabilizer is
 * non-trivial and the point is left unchanged (reported by the return value). Package-private helper of
 * {@link CanonicalForm}. Cost O(h²d + hd²) in plain loops (linear layers are small).
 */
final class LinearGaugeForm {
    /** A column of Π whose residual after Gram–Schmidt is below this norm is taken as already in the span. */
    static final double SPAN_TOL = 1e-8;

    private LinearGaugeForm() {
    }

    /** Canonicalizes the gauge between layers l and l + 1 of {@code t} in place; false when A is rank-deficient. */
    static boolean apply(Network net, double[] t, int l) {
        DenseLayer in = net.layers().get(l);
        DenseLayer out = net.layers().get(l + 1);
        int h = in.outputs();
        int d = in.inputs() + (in.bias() ? 1 : 0);
        if (h > d) {
            return false;
        }
        double[] a = new double[h * d];
        for (int j = 0; j < h; j++) {
            for (int c = 0; c < in.inputs(); c++) {
                a[j * d + c] = t[net.offset(l) + j * in.inputs() + c];
            }
            if (in.bias()) {
                a[j * d + d - 1] = t[net.offset(l) + h * in.inputs() + j];
            }
        }
        // (AAᵀ)⁻¹A by a Cholesky solve: X = (AAᵀ)⁻¹ A, Π = Aᵀ X
        double[] gram = new double[h * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += a[i * d + c] * a[j * d + c];
                }
                gram[i * h + j] = s;
            }
        }
        double[] x = a.clone();
        if (LinearAlgebra.blas().positiveDefiniteSolve(h, d, gram, x) != 0) {
            return false;
        }
        double[] q = basis(a, x, h, d);
        if (q == null) {
            return false;
        }
        // new A = Qᵀ (h × d); new W_{l+1} = W_{l+1} · (A Q)  (G = Qᵀ Aᵀ (AAᵀ)⁻¹ = (X Q)ᵀ, G⁻¹ = A Q)
        double[] aq = new double[h * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += a[i * d + c] * q[j * d + c];
                }
                aq[i * h + j] = s;
            }
        }
        for (int j = 0; j < h; j++) {
            for (int c = 0; c < in.inputs(); c++) {
                t[net.offset(l) + j * in.inputs() + c] = q[j * d + c];
            }
            if (in.bias()) {
                t[net.offset(l) + h * in.inputs() + j] = q[j * d + d - 1];
            }
        }
        int k = out.outputs();
        double[] row = new double[h];
        for (int r = 0; r < k; r++) {
            int o = net.offset(l + 1) + r * out.inputs();
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int i = 0; i < h; i++) {
                    s += t[o + i] * aq[i * h + j];
                }
                row[j] = s;
            }
            System.arraycopy(row, 0, t, o, h);
        }
        return true;
    }

    /**
     * The rows q_j (h × d) of the orthonormal basis Gram–Schmidt makes of Π's columns Π e_c = Aᵀ X e_c in order;
     * null when fewer than h independent columns are found.
     */
    private static double[] basis(double[] a, double[] x, int h, int d) {
        double[] q = new double[h * d];
        int found = 0;
        double[] col = new double[d];
        for (int c = 0; c < d && found < h; c++) {
            for (int r = 0; r < d; r++) {
                double s = 0;
                for (int i = 0; i < h; i++) {
                    s += a[i * d + r] * x[i * d + c];
                }
                col[r] = s;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < found; j++) {
                    double dot = 0;
                    for (int r = 0; r < d; r++) {
                        dot += q[j * d + r] * col[r];
                    }
                    for (int r = 0; r < d; r++) {
                        col[r] -= dot * q[j * d + r];
                    }
                }
            }
            double norm = 0;
            for (double v : col) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm > SPAN_TOL) {
                for (int r = 0; r < d; r++) {
                    q[found * d + r] = col[r] / norm;
                }
                found++;
            }
        }
        return found == h ? q : null;
    }
}
