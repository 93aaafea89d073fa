package org.flowscape.objective;

import java.util.Arrays;
import org.flowscape.data.Dataset;
import org.flowscape.internal.Checks;
import org.flowscape.internal.MemoryBudget;
import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.loss.Loss;
import org.flowscape.model.Network;
import org.flowscape.model.NetworkWorkspace;

/**
 * L(θ) = loss(f(θ; X), Y) for a {@link Network} on a full batch: value and gradient by backpropagation, Hessian-vector
 * products by the R-operator batched over directions, the dense Hessian, the Jacobian, the NTK and Gauss–Newton.
 *
 * <p>The forward and backward passes at the last θ are cached (θ is compared entry by entry), so a gradient followed
 * by Hessian-vector products, the NTK or vector-Jacobian products at the same point pays for the primal passes once;
 * {@link #value} and {@link #predictions} at any other θ run in a second workspace and leave that cache intact. Not
 * thread-safe; {@link #fork()}.
 */
public final class EmpiricalRisk implements ModelObjective {
    /** Budget of doubles for the tangent buffers of one batched R-pass (about 128 MB). */
    static final long TANGENT_BUDGET = 16L << 20;

    private final Network net;
    private final Loss loss;
    private final Dataset data;
    private final int n;
    private final int k;
    private final NetworkWorkspace ws;
    private final double[] gradOutputs;
    private final double[] gradScratch;
    private final double[] blocks;
    private double[] cachedTheta;
    private double cachedValue;
    private boolean blocksValid;
    private NetworkWorkspace evalWs;
    private final long tangentBudget;
    private final long hessianBudget;

    /**
     * @throws IllegalArgumentException when the data's input width or target columns do not fit the network and
     *                                  loss (the message names both shapes)
     */
    public EmpiricalRisk(Network net, Loss loss, Dataset data) {
        this(net, loss, data, TANGENT_BUDGET, NetworkWorkspace.HESSIAN_BUDGET);
    }

    /**
     * As {@link #EmpiricalRisk(Network, Loss, Dataset)} with explicit memory budgets in doubles: {@code tangentBudget}
     * for the tangent buffers of one batched R-pass (sizes {@link #hessianBlockSize()}) and {@code hessianBudget} for
     * one U_l buffer of the dense Hessian assembly ({@link NetworkWorkspace#hessian(double[], boolean, double[],
     * long)}). Results do not depend on them beyond round-off; tests pass small ones to run the multi-chunk paths.
     */
    EmpiricalRisk(Network net, Loss loss, Dataset data, long tangentBudget, long hessianBudget) {
        if (tangentBudget < 1 || hessianBudget < 1) {
            throw new IllegalArgumentException("memory budgets must be at least 1 double, got " + tangentBudget
                    + " and " + hessianBudget);
        }
        this.tangentBudget = tangentBudget;
        this.hessianBudget = hessianBudget;
        if (data.inputDim() != net.inputDim()) {
            throw new IllegalArgumentException("the data has " + data.inputDim() + " input column(s) but the model "
                    + net.spec() + " expects " + net.inputDim() + "; change the model's input width or the data");
        }
        this.net = net;
        this.loss = loss;
        this.data = data;
        this.n = data.size();
        this.k = net.outputDim();
        loss.validateTargets(data.targets().data(), n, k, data.targetDim());
        requireMemory(net, n, k);
        this.ws = new NetworkWorkspace(net, n);
        this.gradOutputs = new double[n * k];
        this.gradScratch = new double[net.parameterCount()];
        this.blocks = new double[n * k * k];
    }

    /**
     * Refuses, before allocating, a problem whose workspace cannot fit: six activations arrays of n × (sum of layer
     * widths), the per-sample output blocks n·k², and four copies of θ (weights, gradient, the caller's θ and step).
     */
    private static void requireMemory(Network net, int n, int k) {
        double widths = 0;
        for (var layer : net.layers()) {
            widths += layer.outputs();
            MemoryBudget.arrayLength((double) n * layer.outputs(), "one layer's activations on n = " + n
                    + " samples", "use fewer samples or a narrower layer");
        }
        double doubles = 6 * n * widths + (double) n * k * (k + 1) + 4.0 * net.parameterCount();
        MemoryBudget.requireDoubles(doubles, "evaluating " + net.spec() + " on n = " + n + " samples",
                "use fewer samples or smaller layer widths");
    }

    @Override
    public Network network() {
        return net;
    }

    @Override
    public Network model() {
        return net;
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
    public EmpiricalRisk fork() {
        return new EmpiricalRisk(net, loss, data, tangentBudget, hessianBudget);
    }

    /** Whether θ is the last primal point, whose passes {@link #ws} holds (compares P doubles). */
    private boolean atPrimalPoint(double[] theta) {
        return cachedTheta != null && Arrays.equals(cachedTheta, theta);
    }

    /** Runs the forward and backward passes at θ unless they are cached; returns L(θ). */
    private double primal(double[] theta) {
        Checks.dimension("theta", dim(), theta.length);
        if (atPrimalPoint(theta)) {
            return cachedValue;
        }
        ws.forward(theta, data.inputs().data(), n);
        cachedValue = loss.valueAndGradient(ws.output(), data.targets().data(), n, k, gradOutputs);
        ws.backward(gradOutputs, gradScratch);
        if (cachedTheta == null) {
            cachedTheta = new double[theta.length];
        }
        // copied into the same array every time: no allocation on a gradient's path
        System.arraycopy(theta, 0, cachedTheta, 0, theta.length);
        blocksValid = false;
        return cachedValue;
    }

    /**
     * L(θ): the cached value at the last primal point, else one forward pass in a separate workspace, so the cached
     * passes (which Hessian-vector products, the Jacobian and the NTK reuse) stay valid.
     */
    @Override
    public double value(double[] theta) {
        if (atPrimalPoint(theta)) {
            return cachedValue;
        }
        NetworkWorkspace e = evaluation(theta);
        return loss.value(e.output(), data.targets().data(), n, k);
    }

    /** A forward pass at θ in the evaluation workspace (created on first use), leaving {@link #ws} untouched. */
    private NetworkWorkspace evaluation(double[] theta) {
        Checks.dimension("theta", dim(), theta.length);
        if (evalWs == null) {
            evalWs = new NetworkWorkspace(net, n);
        }
        evalWs.forward(theta, data.inputs().data(), n);
        return evalWs;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        Checks.dimension("gradOut", dim(), gradOut.length);
        Checks.distinct("theta", theta, "gradOut", gradOut);
        double v = primal(theta);
        System.arraycopy(gradScratch, 0, gradOut, 0, gradOut.length);
        return v;
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        Checks.dimension("v", dim(), v.length);
        Checks.dimension("out", dim(), out.length);
        hessianVectorProducts(theta, v, 1, out);
    }

    @Override
    public void hessianVectorProducts(double[] theta, double[] directions, int count, double[] out) {
        Checks.distinct("directions", directions, "out", out);
        primal(theta);
        ensureBlocks();
        int p = dim();
        int chunk = hessianBlockSize();
        if (count <= chunk) {
            ws.hessianVectorProducts(directions, count, blocks, out);
            return;
        }
        double[] v = new double[chunk * p];
        double[] hv = new double[chunk * p];
        for (int start = 0; start < count; start += chunk) {
            int m = Math.min(chunk, count - start);
            System.arraycopy(directions, start * p, v, 0, m * p);
            ws.hessianVectorProducts(v, m, blocks, hv);
            System.arraycopy(hv, 0, out, start * p, m * p);
        }
    }

    @Override
    public int hessianBlockSize() {
        int widest = 1;
        for (var layer : net.layers()) {
            widest = Math.max(widest, Math.max(layer.outputs(), layer.inputs()));
        }
        long perDirection = 4L * n * widest;
        return (int) Math.max(1, Math.min(dim(), tangentBudget / perDirection));
    }

    /**
     * The exact dense Hessian (P × P, overwritten) by the structured assembly of {@code NetworkHessian}: the
     * Gauss–Newton part as symmetric rank updates plus the exact residual blocks, about n·P² multiply-adds. Exactly
     * symmetric.
     */
    @Override
    public double[] hessian(double[] theta, double[] out) {
        Checks.atLeast("out", dim() * dim(), out);
        primal(theta);
        ensureBlocks();
        ws.hessian(blocks, loss.entrywise(), out, hessianBudget);
        return out;
    }

    /** The dense Hessian by stacking batched Hessian-vector products (the generic path, kept as a cross-check). */
    public double[] hessianByProducts(double[] theta, double[] out) {
        return ModelObjective.super.hessian(theta, out);
    }

    private void ensureBlocks() {
        if (!blocksValid) {
            loss.hessianBlocks(ws.output(), data.targets().data(), n, k, blocks);
            blocksValid = true;
        }
    }

    /** The outputs: copied from the cached passes at the last primal point, else a forward pass as {@link #value}. */
    @Override
    public double[] predictions(double[] theta, double[] out) {
        Checks.dimension("theta", dim(), theta.length);
        boolean cached = atPrimalPoint(theta);
        NetworkWorkspace e = cached ? ws : evaluation(theta);
        System.arraycopy(e.output(), 0, out, 0, n * k);
        return out;
    }

    @Override
    public double[] jacobian(double[] theta, double[] out) {
        primal(theta);
        ws.jacobian(out);
        return out;
    }

    /** K = J Jᵀ from the layer structure ({@link NetworkWorkspace#ntkUpper}), never forming J. */
    @Override
    public double[] ntk(double[] theta, double[] out) {
        ntkUpper(theta, out);
        Blas.copyUpperToLower(out, 0, outputCount(), outputCount());
        return out;
    }

    /** The upper triangle of K from the layer structure; the strict lower triangle of {@code out} is not written. */
    @Override
    public double[] ntkUpper(double[] theta, double[] out) {
        int rows = outputCount();
        Checks.atLeast("out", rows * rows, out);
        primal(theta);
        ws.ntkUpper(out);
        return out;
    }

    /** The NTK from the explicit Jacobian, K = J Jᵀ by one syrk (the generic path, kept as a cross-check). */
    public double[] ntkByJacobian(double[] theta, double[] out) {
        int rows = outputCount();
        double[] jac = jacobian(theta, new double[rows * dim()]);
        LinearAlgebra.blas().syrk(false, rows, dim(), 1.0, jac, dim(), 0.0, out, rows);
        return out;
    }

    /** Jᵀw by one backward pass with output cotangent w, in buffers apart from the cached gradient's. */
    @Override
    public double[] vectorJacobianProduct(double[] theta, double[] cotangent, double[] out) {
        Checks.dimension("cotangent", outputCount(), cotangent.length);
        Checks.dimension("out", dim(), out.length);
        Checks.distinct("cotangent", cotangent, "out", out);
        primal(theta);
        ws.vectorJacobianProduct(cotangent, out);
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
                int dst = (i * k + o) * p;
                for (int q = 0; q < k; q++) {
                    double c = blocks[i * k * k + o * k + q];
                    if (c != 0) {
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
