package org.flowscape.operation.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.dynamics.BalanceMonitor;
import org.flowscape.dynamics.FlowPoint;
import org.flowscape.dynamics.InvariantMonitor;
import org.flowscape.dynamics.NeuronBalanceMonitor;
import org.flowscape.dynamics.OneNeuronInvariantMonitor;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;

/**
 * The optional parts of an {@link Evaluation}: Hessian-vector products, the Jacobian's singular values and the
 * conserved quantities at θ. Every derivative is the objective's analytic one.
 */
final class EvalExtras {
    private EvalExtras() {
    }

    /** H·v for each v (read only). Cost: one analytic Hessian-vector product each, O(P·n) for an MLP. */
    static List<Evaluation.Hvp> hvps(Objective f, double[] theta, List<double[]> vs) {
        List<Evaluation.Hvp> out = new ArrayList<>();
        for (double[] v : vs) {
            if (v.length != f.dim()) {
                throw new IllegalArgumentException("--hvp vector " + (out.size() + 1) + " has " + v.length
                        + " entries; the model has P = " + f.dim() + " parameters (give P comma-separated numbers)");
            }
            double[] hv = new double[f.dim()];
            f.hessianVectorProduct(theta, v, hv);
            out.add(new Evaluation.Hvp(v, hv));
        }
        return out;
    }

    /**
     * The singular values of J ((n·k) × P, row-major from the objective) and its rank at {@code zeroTol} · σ_max.
     * Cost: forming J, O(n·k·P) memory, and an SVD, O(n·k·P·min(n·k, P)).
     */
    static Evaluation.JacobianSpectrum jacobian(ModelObjective f, double[] theta, double zeroTol,
            Map<String, Double> t) {
        int rows = f.outputCount();
        int cols = f.dim();
        if ((long) rows * cols > Evaluation.MAX_JACOBIAN) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the Jacobian is n*k x P = %d x "
                    + "%d (%.0f MB); the limit is %d entries: drop --jacobian or use fewer samples or a smaller "
                    + "model", rows, cols, 8.0 * rows * cols / 1e6, Evaluation.MAX_JACOBIAN));
        }
        long start = System.nanoTime();
        double[] s = SingularValues.of(new Matrix(rows, cols, f.jacobian(theta, new double[rows * cols]))).values();
        t.put("jacobian_svd", Evaluation.millisSince(start));
        double threshold = s.length == 0 ? 0 : zeroTol * s[0];
        int rank = 0;
        for (double v : s) {
            rank += v > threshold ? 1 : 0;
        }
        return new Evaluation.JacobianSpectrum(rows, cols, s, rank, threshold);
    }

    /** Each named monitor's quantities at θ (signed entries). Cost: one evaluation of the quantities, O(P). */
    static List<Evaluation.Conserved> conserved(ModelObjective f, double[] theta, double loss, double[] grad,
            List<String> names) {
        List<Evaluation.Conserved> out = new ArrayList<>();
        for (String name : names) {
            InvariantMonitor m = switch (name) {
                case "imbalance" -> new BalanceMonitor();
                case "neurons" -> new NeuronBalanceMonitor();
                case "sigmoid" -> new OneNeuronInvariantMonitor();
                default -> throw new IllegalArgumentException("unknown conserved quantity '" + name + "'");
            };
            m.start(f, new FlowPoint(0, 0, theta, loss, grad));
            double[][] values = m.initialValues();
            for (int q = 0; q < values.length; q++) {
                out.add(new Evaluation.Conserved(name, m.names().get(q), values[q]));
            }
        }
        return out;
    }
}
