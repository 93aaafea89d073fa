package org.flowscape.model.layers;

/**
 * The batched calculus of one layer y = f(x; w) over n samples, with buffers for a batch of up to its capacity. Rows
 * are samples: x is n × in, y is n × out (row-major, one flattened sample per row). θ and directions v are the whole
 * parameter vector (length P); the pass reads its own block at its offset. A returned array belongs to the pass and
 * stays valid until the same method is called again; {@code null} for a tangent stands for zero.
 *
 * <p>Call order: {@link #forward}, then {@link #backward} (it keeps the cotangent by reference), then any number of
 * ({@link #tangent}, {@link #rBackward}) pairs for Hessian-vector products (forward-over-reverse, Pearlmutter 1994):
 * R{y} = J_x R{x} + J_w v, and R{g_x} = J_xᵀ R{g_y} + R{J_xᵀ} g_y, R{g_w} = J_wᵀ R{g_y} + R{J_wᵀ} g_y. Not
 * thread-safe.
 */
public interface LayerPass {

    /**
     * y = f(x; θ). {@code x} (n × in) and {@code theta} are read only and kept by reference until the next forward.
     * Returns y (n × out).
     */
    double[] forward(double[] theta, double[] x, int n);

    /**
     * Backpropagation of the cotangent {@code gy} (n × out, read only, kept by reference for {@link #rBackward}):
     * writes J_wᵀ·gy into {@code grad} at this layer's block (overwritten; nothing else is touched) and returns
     * J_xᵀ·gy (n × in), or null when {@code inputGradient} is false.
     */
    double[] backward(double[] gy, double[] grad, boolean inputGradient);

    /**
     * The forward tangent R{y} = J_x·rx + J_w·v for the direction {@code v} (length P, read only) and the input tangent
     * {@code rx} (n × in, or null for zero; kept by reference for {@link #rBackward}). Returns R{y} (n × out) or null
     * when it is zero.
     */
    double[] tangent(double[] v, double[] rx);

    /**
     * The R-operator of the backward pass for the last {@link #tangent}: given R{g_y} ({@code rgy}, n × out, read
     * only), writes R{g_w} into {@code hv} at this layer's block (overwritten) and returns R{g_x} (n × in), or null
     * when {@code inputGradient} is false.
     */
    double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient);
}
