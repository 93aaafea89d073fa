package org.flowscape.objective;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.linalg.LinearAlgebra;
import org.flowscape.loss.Loss;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.model.ParameterLayout;
import org.flowscape.model.Symmetry;

/**
 * An objective of the form L(θ) = loss(f(θ; X), Y) over a model f and a dataset, which also exposes the model's
 * outputs and their Jacobian: the NTK Gram matrix K = J Jᵀ and the Gauss–Newton matrix Jᵀ Λ J.
 */
public interface ModelObjective extends Objective {

    /** The model f. */
    Model model();

    /** P, the model's parameter count. */
    @Override
    default int dim() {
        return model().parameterCount();
    }

    /** The model's named parameter blocks. */
    @Override
    default ParameterLayout layout() {
        return model().layout();
    }

    /** The model's symmetries. */
    @Override
    default List<Symmetry> symmetries() {
        return model().symmetries();
    }

    /** The objective itself when it is a {@code type}, else the model when it is one (e.g. a dense {@link Network}). */
    @Override
    default <T> java.util.Optional<T> view(Class<T> type) {
        if (type.isInstance(this)) {
            return java.util.Optional.of(type.cast(this));
        }
        return type.isInstance(model()) ? java.util.Optional.of(type.cast(model())) : java.util.Optional.empty();
    }

    /**
     * The model as a dense {@link Network} (the view {@code view(Network.class)}), for the analyses that need its
     * layer structure.
     *
     * @throws IllegalArgumentException when the model is not a whole dense stack ({@code mlp:}, {@code linear:},
     *                                  {@code product:} or a {@code layers:} spec of dense layers and activations),
     *                                  naming it
     */
    default Network network() {
        return denseNetwork(this);
    }

    /** An independent instance of the same kind, for use on another thread. */
    @Override
    ModelObjective fork();

    /**
     * The dense network view of {@code objective}, for analyses that need the layer structure.
     *
     * @throws IllegalArgumentException when the objective has no model or its model is not a whole dense stack
     */
    static Network denseNetwork(Objective objective) {
        return objective.view(Network.class).orElseThrow(() -> new IllegalArgumentException("this analysis needs a "
                + "dense network (mlp:, linear: or product:) or a layers: spec of dense layers and activations only, "
                + "but the model is " + objective.view(ModelObjective.class).map(m -> m.model().spec())
                .orElse("not a model (a closed-form objective)")));
    }

    /**
     * The model objective view of {@code objective}: outputs, Jacobian, NTK, loss and data.
     *
     * @param who what needs it, for the message (e.g. {@code the NTK monitor})
     * @throws IllegalArgumentException when the objective is not a model objective (a closed-form problem)
     */
    static ModelObjective of(Objective objective, String who) {
        return objective.view(ModelObjective.class).orElseThrow(() -> new IllegalArgumentException(who + " needs a "
                + "model objective (model + data + loss), not a closed-form objective"));
    }

    /** The loss. */
    Loss loss();

    /** The data (X, Y). */
    Dataset data();

    /** n·k: the number of scalar outputs over the dataset (rows of the Jacobian). */
    int outputCount();

    /** The predictions f(θ; X) into {@code out} (n·k, row-major n × k, overwritten) and returned. */
    double[] predictions(double[] theta, double[] out);

    /**
     * The Jacobian J = ∂f(θ; X)/∂θ into {@code out} ((n·k) × P, row (i·k + o), overwritten) and returned. Cost: k
     * backward passes plus writing n·k·P entries.
     */
    double[] jacobian(double[] theta, double[] out);

    /**
     * The neural tangent kernel Gram matrix K = J Jᵀ ((n·k) × (n·k), overwritten) and returned. Cost: at most the
     * Jacobian plus (nk)²P flops ({@code EmpiricalRisk} forms it from the layer structure for much less).
     */
    double[] ntk(double[] theta, double[] out);

    /**
     * As {@link #ntk}, but only the upper triangle (j ≥ i) of K need be written; the rest of {@code out} is
     * unspecified. For consumers (Cholesky) that read one triangle. This default writes all of K.
     */
    default double[] ntkUpper(double[] theta, double[] out) {
        return ntk(theta, out);
    }

    /**
     * The vector-Jacobian product Jᵀw for a cotangent w on the outputs (n·k, row-major n × k, read only) into
     * {@code out} (length P, overwritten) and returned. This default forms J (cost nkP); {@code EmpiricalRisk} does
     * one backward pass instead.
     */
    default double[] vectorJacobianProduct(double[] theta, double[] cotangent, double[] out) {
        int rows = outputCount();
        int p = dim();
        double[] jac = jacobian(theta, new double[rows * p]);
        LinearAlgebra.blas().gemm(true, false, p, 1, rows, 1.0, jac, p, cotangent, 1, 0.0, out, 1);
        return out;
    }

    /**
     * The Gauss–Newton matrix G = Jᵀ Λ J (P × P, overwritten) with Λ the loss Hessian blocks with respect to the
     * outputs; it equals the Hessian when the residual term vanishes. Cost: the Jacobian plus nkP² flops.
     */
    double[] gaussNewton(double[] theta, double[] out);
}
