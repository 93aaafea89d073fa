package org.flowscape.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscape.operation.Tolerances;
import org.flowscape.operation.eval.EvalSettings;
import org.flowscape.operation.eval.Evaluation;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.eval.EvalReport;

/**
 * {@code flowscape eval}: the command adapter of the {@link Evaluation eval operation}: the options are its
 * {@link EvalSettings}, the output {@link EvalReport}'s text or JSON.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate L, its gradient and optionally the full Hessian spectrum at one theta.",
            "Example: flowscape eval --model mlp:10-100-1:tanh --data teacher:n=1000,d=10,width=5,seed=1 --hessian"})
public final class EvalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--hessian",
            description = "Form the dense Hessian (P <= " + Evaluation.MAX_DENSE_HESSIAN + "), all its eigenvalues, "
                    + "its inertia and the NTK's smallest eigenvalue.")
    private boolean hessian;

    @Option(names = "--zero-tol", paramLabel = "REL", defaultValue = Tolerances.ZERO_TOL,
            description = "Eigenvalues with |lambda| <= REL * spectral radius count as zero, and singular values "
                    + "<= REL * sigma_max do not count in the Jacobian's rank (default ${DEFAULT-VALUE}).")
    private double zeroTol;

    @Option(names = "--print-hessian",
            description = "Print the dense Hessian itself (P x P; P <= " + Evaluation.MAX_DENSE_HESSIAN + ").")
    private boolean printHessian;

    @Option(names = "--hvp", paramLabel = "V1,V2,...", split = ";",
            description = "Print H.v for the vector v (P comma-separated numbers); repeat, or separate vectors with "
                    + "';', for several.")
    private List<String> hvp = new ArrayList<>();

    @Option(names = "--jacobian",
            description = "The singular values and rank of the Jacobian d(predictions)/d(theta) (n*k x P), any model.")
    private boolean jacobian;

    @Option(names = "--conserved", paramLabel = "LIST", split = ",",
            description = "Print the signed values at theta of conserved quantities: imbalance (deep linear C_i), "
                    + "neurons (homogeneous units), sigmoid (one-neuron invariant).")
    private List<String> conserved = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        EvalSettings settings = new EvalSettings(hessian, zeroTol, printHessian, vectors(), jacobian, conserved);
        settings.validate();
        long start = System.nanoTime();
        Problem p = problem.load();
        double loadMs = (System.nanoTime() - start) / 1e6;
        Evaluation result = Evaluation.run(p, settings, loadMs);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), EvalReport.json(result));
        } else {
            EvalReport.text(result, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private List<double[]> vectors() {
        List<double[]> out = new ArrayList<>();
        for (String v : hvp) {
            String[] parts = v.strip().split("\\s*,\\s*");
            double[] x = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    x[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--hvp takes comma-separated numbers, got '" + parts[i]
                            + "' in '" + v + "'");
                }
            }
            out.add(x);
        }
        return out;
    }
}
