package org.flowscape.cli;

import org.flowscape.experiment.analyses.Evaluation;
import java.util.concurrent.Callable;

import org.flowscape.spec.Problem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowscape eval}: the loss, gradient and (optionally) Hessian spectrum of one problem at one θ. */
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

    @Option(names = "--zero-tol", paramLabel = "REL", defaultValue = "1e-9",
            description = "Eigenvalues with |lambda| <= REL * spectral radius count as zero "
                    + "(default ${DEFAULT-VALUE}).")
    private double zeroTol;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Problem p = problem.load();
        double loadMs = (System.nanoTime() - start) / 1e6;
        Evaluation result = Evaluation.run(p, hessian, zeroTol, loadMs);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), EvalReport.json(result));
        } else {
            EvalReport.text(result, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
