package org.flowscape.spark;

import java.util.SplittableRandom;

import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.linalg.Inertia;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Tolerance;
import org.flowscape.linalg.Vectors;
import org.flowscape.objective.Objective;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;

/**
 * A test analysis with real numerics that writes every record table: gradient descent on a problem from the run's
 * parameters ({@code model}, {@code data}, {@code loss}, {@code lr}, {@code steps}), θ₀ drawn from the run seed.
 * Records the loss curve, final loss and gradient norm, the Hessian spectrum at the end point, that point as a
 * critical-point row, a basin row and a 3×3 loss slice along two seeded random directions. Reports
 * {@code not_converged} when ‖∇L‖ stays above the run's {@code grad_tol} tolerance.
 */
final class DescentAnalysis implements Analysis {
    @Override
    public String name() {
        return "descent";
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        Problem problem = Problem.load(new ProblemSpec(context.param("model", null), context.param("data", null),
                context.param("loss", "mse"), null, context.spec().seed()));
        Objective risk = problem.objective();
        int p = problem.dim();
        double lr = Double.parseDouble(context.param("lr", "0.1"));
        int steps = Integer.parseInt(context.param("steps", "20"));
        double[] theta = problem.theta();
        double[] grad = new double[p];
        double[] t = new double[steps + 1];
        double[] loss = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            t[k] = k * lr;
            loss[k] = risk.valueAndGradient(theta, grad);
            if (k < steps) {
                Vectors.axpy(-lr, grad, theta);
            }
        }
        double gradNorm = Vectors.norm2(grad);
        sink.series("loss", t, loss);
        sink.metric("final_loss", loss[steps]);
        sink.metric("grad_norm", gradNorm);
        SymmetricEigen eig = SymmetricEigen.values(new Matrix(p, p, risk.hessian(theta, new double[p * p])));
        double[] ones = new double[p];
        java.util.Arrays.fill(ones, 1.0);
        sink.spectrum("hessian", eig.values(), ones);
        Inertia inertia = eig.inertia(new Tolerance(0, 1e-9));
        sink.criticalPoint(new CriticalPointRow(0, loss[steps], gradNorm, inertia.negative(), inertia.zero(), 0,
                false, false, Double.NaN, eig.min(), eig.max()));
        sink.basin(new BasinRow(0, p, context.param("data", ""), loss[0], Double.NaN, loss[steps]));
        slice(context, risk, theta, sink);
        double tol = context.tolerance("grad_tol", 1e-6);
        if (gradNorm > tol) {
            sink.outcome(Outcome.NOT_CONVERGED, "|grad L| = " + gradNorm + " > " + tol + " after " + steps + " steps");
        }
    }

    private static void slice(RunContext context, Objective risk, double[] center, RecordSink sink) {
        int p = center.length;
        SplittableRandom rng = context.stream("slice", 0);
        double[] u = new double[p];
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            u[i] = rng.nextDouble() - 0.5;
            v[i] = rng.nextDouble() - 0.5;
        }
        double[] a = {-0.5, 0, 0.5};
        double[][] values = new double[3][3];
        double[] point = new double[p];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int q = 0; q < p; q++) {
                    point[q] = center[q] + a[i] * u[q] + a[j] * v[q];
                }
                values[i][j] = risk.value(point);
            }
        }
        sink.grid("slice", a, a, values);
    }
}
