package org.flowscape.bench;

import java.util.Locale;
import org.flowscape.analysis.PolishConfig;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.PolishStatus;
import org.flowscape.analysis.Polisher;
import org.flowscape.data.Datasets;
import org.flowscape.dynamics.FlowConfig;
import org.flowscape.dynamics.FlowMethod;
import org.flowscape.dynamics.FlowResult;
import org.flowscape.dynamics.GradientFlow;
import org.flowscape.dynamics.StoppingRule;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;

/**
 * The stiff-flow comparison of issue 3: gradient flow near a Morse minimum of a tanh network whose Hessian has
 * condition number ≥ 10⁶, integrated over T = min(1/λ_min, 10⁶/λ_max), by DOP853 and by the
 * Rosenbrock method with the exact Hessian, each against a tight Rosenbrock reference. Prints evaluations, wall time
 * and the error at T. Usage: {@code StiffCompare [rtol]} (default 1e-8).
 */
public final class StiffCompare {
    private StiffCompare() {
    }

    public static void main(String[] args) {
        double rtol = args.length > 0 ? Double.parseDouble(args[0]) : 1e-8;
        Network net = Models.parse("mlp:2-6-1:tanh");
        var data = Datasets.parse("smooth:n=80,d=2,seed=5");
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.parse("mse"), data);
        Minimum min = findMinimum(f, net);
        System.out.printf(Locale.ROOT, "problem   %s on %s, P = %d; minimum from seed %d: L* = %.6e, "
                + "lambda in [%.3e, %.3e], condition %.3e%n", net.spec(), data.spec(), f.dim(), min.seed, min.value, min.lambdaMin,
                min.lambdaMax, min.lambdaMax / min.lambdaMin);
        double[] theta0 = min.theta.clone();
        double[] u = Seeds.gaussian(Seeds.stream(9, "stiff-start"), 1.0, new double[f.dim()]);
        Vectors.axpy(1e-2 / Vectors.norm2(u), u, theta0);
        // T·λ_max = 10⁶ at most: DOP853 needs about T·λ_max/3 steps, so a longer horizon only makes it crawl longer
        double horizon = Math.min(1 / min.lambdaMin, 1e6 / min.lambdaMax);
        StoppingRule stop = StoppingRule.horizon(horizon).withMaxEvaluations(200_000_000L);
        FlowResult reference = GradientFlow.run(f, theta0, config(FlowMethod.STIFF, 1e-13), stop);
        System.out.printf(Locale.ROOT, "horizon   T = min(1/lambda_min, 1e6/lambda_max) = %.4e; "
                + "reference: stiff at rtol 1e-13, %d steps%n", horizon, reference.steps());
        report("dopri853", f, theta0, config(FlowMethod.DOPRI853, rtol), stop, reference);
        // the stiff method at tighter tolerances too, so that one of them matches DOP853's error ("equal accuracy")
        for (double r = rtol; r >= rtol * 1e-3; r /= 10) {
            report("stiff", f, theta0, config(FlowMethod.STIFF, r), stop, reference);
        }
    }

    private static FlowConfig config(FlowMethod method, double rtol) {
        return FlowConfig.of(method).withTolerances(rtol, rtol * 1e-2).withStiffnessCheck(false);
    }

    private static void report(String name, EmpiricalRisk f, double[] theta0, FlowConfig config, StoppingRule stop,
            FlowResult reference) {
        long t0 = System.nanoTime();
        FlowResult r = GradientFlow.run(f, theta0, config, stop);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double error = Vectors.norm2(Vectors.subtract(r.theta(), reference.theta()));
        System.out.printf(Locale.ROOT, "%-9s rtol %.0e: %s, %d steps, %d gradients (+%d auxiliary), %d Hessians, "
                + "%.3f s, |theta(T) - reference| = %.3e%n", name, config.relativeTolerance(), r.status(), r.steps(),
                r.gradientEvaluations(), r.auxiliaryEvaluations(), r.hessianEvaluations(), seconds, error);
    }

    private record Minimum(long seed, double[] theta, double value, double lambdaMin, double lambdaMax) {
    }

    /** Newton-polishes seeded starts until one ends at a Morse minimum with condition number ≥ 10⁶. */
    private static Minimum findMinimum(EmpiricalRisk f, Network net) {
        int p = f.dim();
        for (long seed = 1; seed <= 200; seed++) {
            double[] start = net.initialize(seed);
            Vectors.scale(3.0, start);
            PolishResult r = Polisher.polish(f, start, PolishConfig.defaults(PolishMethod.NEWTON));
            if (r.status() != PolishStatus.CONVERGED) {
                continue;
            }
            double[] h = f.hessian(r.theta(), new double[p * p]);
            SymmetricEigen e = SymmetricEigen.values(new Matrix(p, p, h));
            if (e.min() > 0 && e.max() / e.min() >= 1e6) {
                return new Minimum(seed, r.theta(), r.value(), e.min(), e.max());
            }
        }
        throw new IllegalStateException("no Morse minimum with condition number >= 1e6 among 200 seeded starts");
    }
}
