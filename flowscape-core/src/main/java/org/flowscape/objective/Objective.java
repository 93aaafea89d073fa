package org.flowscape.objective;

import java.util.List;
import org.flowscape.internal.Checks;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.model.Symmetry;

/**
 * A twice-differentiable function L(θ) on a flat parameter vector θ ∈ ℝ^P with exact derivatives: the contract every
 * Flowscape analysis consumes. Derivatives are analytic (backpropagation and forward-over-reverse), never finite
 * differences.
 *
 * <p>Thread safety: an objective owns scratch buffers and is <b>not</b> thread-safe. Use {@link #fork()} to get an
 * independent instance (sharing only immutable data) for each thread.
 */
public interface Objective {

    /** The number of parameters P. */
    int dim();

    /** L(θ). θ (length P) is read only. */
    double value(double[] theta);

    /** L(θ), writing ∇L(θ) into {@code gradOut} (length P, overwritten). Cost: one forward and one backward pass. */
    double valueAndGradient(double[] theta, double[] gradOut);

    /**
     * H(θ)·v into {@code out} (length P, overwritten); θ and v are read only. Cost: about two gradient evaluations
     * (forward-over-reverse).
     */
    void hessianVectorProduct(double[] theta, double[] v, double[] out);

    /**
     * H(θ)·v_r for the {@code count} rows of {@code directions} (count × P, read only) into the rows of {@code out}
     * (count × P, overwritten). Implementations batch the directions into matrix products; the default loops.
     */
    default void hessianVectorProducts(double[] theta, double[] directions, int count, double[] out) {
        int p = dim();
        double[] v = new double[p];
        double[] hv = new double[p];
        for (int r = 0; r < count; r++) {
            System.arraycopy(directions, r * p, v, 0, p);
            hessianVectorProduct(theta, v, hv);
            System.arraycopy(hv, 0, out, r * p, p);
        }
    }

    /**
     * The dense Hessian (P × P, row-major) into {@code out} (overwritten) and returned. The default stacks batched
     * Hessian-vector products of unit vectors and symmetrizes (H + Hᵀ)/2, which only averages round-off.
     */
    default double[] hessian(double[] theta, double[] out) {
        int p = dim();
        Checks.atLeast("out", p * p, out);
        int block = Math.max(1, Math.min(p, hessianBlockSize()));
        double[] units = new double[block * p];
        double[] cols = new double[block * p];
        for (int start = 0; start < p; start += block) {
            int m = Math.min(block, p - start);
            java.util.Arrays.fill(units, 0.0);
            for (int r = 0; r < m; r++) {
                units[r * p + start + r] = 1.0;
            }
            hessianVectorProducts(theta, units, m, cols);
            System.arraycopy(cols, 0, out, start * p, m * p);
        }
        Hessians.symmetrize(out, p);
        return out;
    }

    /** How many unit directions the default {@link #hessian} batches at once. */
    default int hessianBlockSize() {
        return 64;
    }

    /** The named blocks of θ; by default one block called {@code theta}. */
    default ParameterLayout layout() {
        return new ParameterLayout(List.of(new ParameterBlock("theta", 1, ParameterBlock.Kind.WEIGHT, 0, dim(), 1)));
    }

    /** The continuous and discrete symmetries of the parameterization (none by default). */
    default List<Symmetry> symmetries() {
        return List.of();
    }

    /**
     * A typed view of this objective, for analyses that need more than values and derivatives: the
     * {@link ModelObjective} view (outputs, Jacobian, NTK, loss and data) and, through it, views of the model such as
     * {@link org.flowscape.model.Network} (the dense layer structure: weight matching, neuron monitors, shallow forms,
     * interval enclosures). Analyses ask for a view instead of casting, so a wrapper can offer its inner objective's
     * views and an objective without one answers empty. This default offers the objective itself when it is a
     * {@code type}.
     *
     * @return the view, or empty when this objective offers none of that type
     */
    default <T> java.util.Optional<T> view(Class<T> type) {
        return type.isInstance(this) ? java.util.Optional.of(type.cast(this)) : java.util.Optional.empty();
    }

    /** An independent instance for use on another thread, sharing only immutable data. */
    Objective fork();
}
