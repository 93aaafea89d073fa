package org.flowscape.objective;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.internal.Checks;
import org.flowscape.loss.Loss;
import org.flowscape.model.ParameterLayout;
import org.flowscape.model.Symmetry;

/**
 * L(θ) + λ/2‖θ‖² over any objective L ({@code --l2 LAMBDA}): gradient + λθ, Hessian-vector product + λv, dense
 * Hessian + λI, all exact. For λ &gt; 0 and L bounded below the sum is coercive; it breaks the continuous rescaling
 * symmetries of the model, so {@link #symmetries()} keeps only the discrete ones. {@link #of} keeps the
 * {@link ModelObjective} view of a network objective (predictions, Jacobian, NTK are the inner model's, Gauss–Newton
 * is G + λI, the Hessian of the penalty added). Costs one extra O(P) pass per call; not thread-safe when the inner
 * objective is not, {@link #fork()} forks it.
 */
public class WeightDecay implements Objective {
    private final Objective inner;
    private final double lambda;

    private WeightDecay(Objective inner, double lambda) {
        this.inner = inner;
        this.lambda = Checks.nonNegative("lambda", lambda);
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("weight decay lambda must be finite, got " + lambda);
        }
    }

    /** L + λ/2‖θ‖², a {@link ModelObjective} when L is one; L itself when λ = 0. */
    public static Objective of(Objective inner, double lambda) {
        if (Checks.nonNegative("lambda", lambda) == 0) {
            return inner;
        }
        return inner instanceof ModelObjective m ? new WithModel(m, lambda) : new WeightDecay(inner, lambda);
    }

    /** L + λ/2‖θ‖² for a network objective; L itself when λ = 0. */
    public static ModelObjective ofModel(ModelObjective inner, double lambda) {
        return (ModelObjective) of(inner, lambda);
    }

    /** λ. */
    public double lambda() {
        return lambda;
    }

    /** L without the penalty. */
    public Objective inner() {
        return inner;
    }

    @Override
    public int dim() {
        return inner.dim();
    }

    @Override
    public double value(double[] theta) {
        return inner.value(theta) + penalty(theta);
    }

    /** λ/2‖θ‖². */
    public double penalty(double[] theta) {
        double s = 0;
        for (double t : theta) {
            s += t * t;
        }
        return 0.5 * lambda * s;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradOut) {
        double v = inner.valueAndGradient(theta, gradOut);
        for (int i = 0; i < gradOut.length; i++) {
            gradOut[i] += lambda * theta[i];
        }
        return v + penalty(theta);
    }

    @Override
    public void hessianVectorProduct(double[] theta, double[] v, double[] out) {
        inner.hessianVectorProduct(theta, v, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += lambda * v[i];
        }
    }

    @Override
    public void hessianVectorProducts(double[] theta, double[] directions, int count, double[] out) {
        inner.hessianVectorProducts(theta, directions, count, out);
        for (int i = 0; i < count * dim(); i++) {
            out[i] += lambda * directions[i];
        }
    }

    @Override
    public double[] hessian(double[] theta, double[] out) {
        inner.hessian(theta, out);
        addDiagonal(out);
        return out;
    }

    private void addDiagonal(double[] out) {
        int p = dim();
        for (int i = 0; i < p; i++) {
            out[i * p + i] += lambda;
        }
    }

    @Override
    public int hessianBlockSize() {
        return inner.hessianBlockSize();
    }

    @Override
    public ParameterLayout layout() {
        return inner.layout();
    }

    /** The inner model's discrete symmetries (permutations, sign flips); λ/2‖θ‖² is not invariant under rescalings. */
    @Override
    public List<Symmetry> symmetries() {
        return inner.symmetries().stream().filter(WeightDecay::survivesDecay).toList();
    }

    private static boolean survivesDecay(Symmetry s) {
        return !(s instanceof Symmetry.PositiveRescaling) && !(s instanceof Symmetry.LinearGauge);
    }

    @Override
    public Objective fork() {
        return new WeightDecay(inner.fork(), lambda);
    }

    /** The network view: everything but the value and derivatives is the inner model's. */
    static final class WithModel extends WeightDecay implements ModelObjective {
        private final ModelObjective model;

        WithModel(ModelObjective inner, double lambda) {
            super(inner, lambda);
            this.model = inner;
        }

        @Override
        public org.flowscape.model.Model model() {
            return model.model();
        }

        @Override
        public Loss loss() {
            return model.loss();
        }

        @Override
        public Dataset data() {
            return model.data();
        }

        @Override
        public int outputCount() {
            return model.outputCount();
        }

        @Override
        public double[] predictions(double[] theta, double[] out) {
            return model.predictions(theta, out);
        }

        @Override
        public double[] jacobian(double[] theta, double[] out) {
            return model.jacobian(theta, out);
        }

        @Override
        public double[] ntk(double[] theta, double[] out) {
            return model.ntk(theta, out);
        }

        @Override
        public double[] ntkUpper(double[] theta, double[] out) {
            return model.ntkUpper(theta, out);
        }

        @Override
        public double[] vectorJacobianProduct(double[] theta, double[] cotangent, double[] out) {
            return model.vectorJacobianProduct(theta, cotangent, out);
        }

        /** G + λI: the Gauss–Newton matrix of the data term plus the (exact) Hessian of the penalty. */
        @Override
        public double[] gaussNewton(double[] theta, double[] out) {
            model.gaussNewton(theta, out);
            int p = dim();
            for (int i = 0; i < p; i++) {
                out[i * p + i] += lambda();
            }
            return out;
        }

        @Override
        public WithModel fork() {
            return new WithModel(model.fork(), lambda());
        }
    }
}
