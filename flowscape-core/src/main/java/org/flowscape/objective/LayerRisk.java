package org.flowscape.objective;

import java.util.Arrays;
import org.flowscape.data.Dataset;
import org.flowscape.internal.Checks;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.loss.Loss;
import org.flowscape.model.layers.LayerModel;
import org.flowscape.model.layers.LayerPass;

/**
 * L(θ) = loss(f(θ; X), Y) for a {@link LayerModel} on a full batch, with every loss: the value and gradient by
 * backpropagation through the layers, Hessian-vector products by the R-operator (one tangent pass and one R-backward
 * pass per direction; batches of directions loop over them), the dense Hessian as stacked Hessian-vector products
 * (the generic path of {@link Objective#hessian}; no structured assembly yet), the Jacobian as P forward tangents
 * (J·e_j), vector-Jacobian products Jᵀw by one backward pass, the NTK J Jᵀ by one syrk and Gauss–Newton Jᵀ Λ J.
 *
 * <p>The forward and backward passes at the last θ are cached (θ compared entry by entry), so Hessian-vector products
 * after a gradient at the same point pay for the primal passes once; {@link #value} and {@link #predictions} at another
 * θ run in a second pass. Not thread-safe; {@link #fork()}.
 */
public final class LayerRisk implements ModelObjective {
    private final LayerModel model;
    private final Loss loss;
    private final Dataset data;
    private final int n;
    private final int k;
    private final LayerPass pass;
    private final double[] gradOutputs;
    private final double[] grad;
    private final double[] blocks;
    private final double[] tangentOutputs;
    private double[] cachedTheta;
    private double cachedValue;
    private double[] output;
    private boolean backwardValid;
    private boolean blocksValid;
    private LayerPass evalPass;

    /**
     * @throws IllegalArgumentException when the data's input width or target columns do not fit the model and loss
     *                                  (the message names both shapes)
     */
    public LayerRisk(LayerModel model, Loss loss, Dataset data) {
        if (data.inputDim() != model.inputDim()) {
            throw new IllegalArgumentException("the data has " + data.inputDim() + " input column(s) but the model "
                    + model.spec() + " expects " + model.inputDim() + " (its input shape " + model.inputShape()
                    + ", flattened); change the model's input shape or the data");
        }
        this.model = model;
        this.loss = loss;
        this.data = data;
        this.n = data.size();
        this.k = model.outputDim();
        loss.validateTargets(data.targets().data(), n, k, data.targetDim());
        this.pass = model.pass(n);
        this.gradOutputs = new double[n * k];
        this.grad = new double[model.parameterCount()];
        this.blocks = new double[n * k * k];
        this.tangentOutputs = new double[n * k];
    }

    @Override
    public LayerModel model() {
        return model;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public Dataset data() {
        return data;
    }

    @Override
    public int outputCount() {
        return n * k;
    }

    @Override
    public LayerRisk fork() {
        return new LayerRisk(model, loss, data);
    }

    /** Runs the forward and backward passes at θ unless they are cached; returns L(θ). */
    private double primal(double[] theta) {
        Checks.dimension("theta", dim(), theta.length);
        if (cachedTheta == null || !Arrays.equals(cachedTheta, theta)) {
            cachedTheta = theta.clone();
            output = pass.forward(cachedTheta, data.inputs().data(), n);
            cachedValue = loss.valueAndGradient(output, data.targets().data(), n, k, gradOutputs);
            backwardValid = false;
            blocksValid = false;
        }
        if (!backwardValid) {
            pass.backward(gradOutputs, grad, false);
            backwardValid = true;
        }
        return cachedValue;
    }

    @Override
    public double value(double[] theta) {
        if (cachedTheta != null && Arrays.equals(cachedTheta, theta)) {
            return cachedValue;
        }
        return loss.value(evaluation(theta), data.targets().data(), n, k);
    }

    /** A forward pass at θ in the evaluation pass (created on first use), leaving the cached passes untouched. */
    private double[] evaluation(double[] theta) {
        Checks.dimension("theta", dim(), theta.length);
        if (evalPass == null) {
            evalPass = model.pass(n);
        }
        return evalPass.forward(theta, data.inputs().data(), n);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        Checks.dimension("gradOut", dim(), gradOut.length);
        Checks.distinct("theta", theta, "gradOut", gradOut);
        double v = primal(theta);
        System.arraycopy(grad, 0, gradOut, 0, gradOut.length);
        return v;
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        Checks.dimension("v", dim(), v.length);
        Checks.dimension("out", dim(), out.length);
        Checks.distinct("v", v, "out", out);
        primal(theta);
        ensureBlocks();
        double[] rf = pass.tangent(v, null);
        if (rf == null) {
            Arrays.fill(tangentOutputs, 0.0);
        } else {
            applyBlocks(rf, tangentOutputs);
        }
        pass.rBackward(v, tangentOutputs, out, false);
    }

    /** H·v_r for each row, one tangent and one R-backward pass per direction (no batching across directions yet). */
    @Override
    public void hessianVectorProducts(double[] theta, double[] directions, int count, double[] out) {
        Checks.distinct("directions", directions, "out", out);
        ModelObjective.super.hessianVectorProducts(theta, directions, count, out);
    }

    /** rg_i = Λ_i·rf_i for each sample's k × k loss Hessian block Λ_i. */
    private void applyBlocks(double[] rf, double[] rg) {
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    s += blocks[(i * k + o) * k + q] * rf[i * k + q];
                }
                rg[i * k + o] = s;
            }
        }
    }

    private void ensureBlocks() {
        if (!blocksValid) {
            loss.hessianBlocks(output, data.targets().data(), n, k, blocks);
            blocksValid = true;
        }
    }

    @Override
    public double[] predictions(double[] theta, double[] out) {
        Checks.dimension("theta", dim(), theta.length);
        boolean cached = cachedTheta != null && Arrays.equals(cachedTheta, theta);
        System.arraycopy(cached ? output : evaluation(theta), 0, out, 0, n * k);
        return out;
    }

    /** J column by column: J·e_j by one forward tangent pass each (P passes). */
    @Override
    public double[] jacobian(double[] theta, double[] out) {
        int p = dim();
        int rows = outputCount();
        Checks.atLeast("out", rows * p, out);
        primal(theta);
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            double[] col = pass.tangent(e, null);
            e[j] = 0;
            for (int r = 0; r < rows; r++) {
                out[r * p + j] = col == null ? 0 : col[r];
            }
        }
        return out;
    }

    /** The Jacobian-vector product J·u (n·k, overwritten) by one forward tangent pass. */
    public double[] jacobianVectorProduct(double[] theta, double[] u, double[] out) {
        Checks.dimension("u", dim(), u.length);
        Checks.dimension("out", outputCount(), out.length);
        primal(theta);
        double[] col = pass.tangent(u, null);
        if (col == null) {
            Arrays.fill(out, 0.0);
        } else {
            System.arraycopy(col, 0, out, 0, out.length);
        }
        return out;
    }

    /** K = J Jᵀ from the explicit Jacobian by one syrk. */
    @Override
    public double[] ntk(double[] theta, double[] out) {
        int rows = outputCount();
        Checks.atLeast("out", rows * rows, out);
        double[] jac = jacobian(theta, new double[rows * dim()]);
        LinearAlgebra.blas().syrk(false, rows, dim(), 1.0, jac, dim(), 0.0, out, rows);
        return out;
    }

    /** Jᵀw by one backward pass with output cotangent w (the cached gradient's backward pass is redone when needed). */
    @Override
    public double[] vectorJacobianProduct(double[] theta, double[] cotangent, double[] out) {
        Checks.dimension("cotangent", outputCount(), cotangent.length);
        Checks.dimension("out", dim(), out.length);
        Checks.distinct("cotangent", cotangent, "out", out);
        primal(theta);
        pass.backward(cotangent, out, false);
        backwardValid = false;
        return out;
    }

    @Override
    public double[] gaussNewton(double[] theta, double[] out) {
        int p = dim();
        int rows = outputCount();
        double[] jac = jacobian(theta, new double[rows * p]);
        ensureBlocks();
        double[] lj = new double[rows * p];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < k; o++) {
                for (int q = 0; q < k; q++) {
                    double c = blocks[(i * k + o) * k + q];
                    if (c != 0) {
                        int dst = (i * k + o) * p;
                        int src = (i * k + q) * p;
                        for (int j = 0; j < p; j++) {
                            lj[dst + j] += c * jac[src + j];
                        }
                    }
                }
            }
        }
        Blas blas = LinearAlgebra.blas();
        blas.gemm(true, false, p, p, rows, 1.0, jac, p, lj, p, 0.0, out, p);
        Hessians.symmetrize(out, p);
        return out;
    }
}
