package org.flowscape.cli;

import java.util.concurrent.Callable;
import org.flowscape.analysis.PolishMethod;
import org.flowscape.operation.Tolerances;
import org.flowscape.operation.Deadline;
import org.flowscape.operation.critical.CriticalRun;
import org.flowscape.spec.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.critical.CriticalReport;

/** {@code flowscape critical}: find, polish, classify and certify critical points. */
@Command(name = "critical", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Polish critical points to |grad L| <= 1e-12, classify them (index, nullity, symmetry orbit),",
            "optionally certify them by interval arithmetic, and count them modulo permutations and sign flips.",
            "Example: flowscape critical --model mlp:1-2-1:tanh --data smooth:n=41,seed=1 --starts 8 --seed 1"})
public final class CriticalCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "0",
            description = "Random starts drawn from --seed (streams (seed, critical-start, i)); 0 (default) polishes "
                    + "the --params or --seed theta itself.")
    private int starts;

    @Option(names = "--polish", paramLabel = "newton|lm|gn", defaultValue = CriticalRun.POLISH,
            description = "newton: trust-region Newton (finds minima); lm: Levenberg-Marquardt on grad L = 0 (any "
                    + "index); gn: Gauss-Newton/Levenberg-Marquardt on the residuals (minima of squared-error losses, "
                    + "fastest near interpolation). Default ${DEFAULT-VALUE}.")
    private String polish;

    @Option(names = "--certify", description = "Prove existence, uniqueness and index by interval arithmetic.")
    private boolean certify;

    @Option(names = "--grad-tol", paramLabel = "E", defaultValue = Tolerances.GRAD_TOL,
            description = "Polish until |grad L|_2 <= E (default ${DEFAULT-VALUE}).")
    private double gradTol;

    @Option(names = "--max-iterations", paramLabel = "K", defaultValue = CriticalRun.MAX_ITERATIONS,
            description = "Polishing iteration limit (default ${DEFAULT-VALUE}).")
    private int maxIterations;

    @Option(names = "--warm-iterations", paramLabel = "K", defaultValue = CriticalRun.WARM_ITERATIONS,
            description = "Trust-region Newton iterations (to |grad| <= 1e-6) before polishing random starts "
                    + "(default ${DEFAULT-VALUE}).")
    private int warmIterations;

    @Option(names = "--zero-tol", paramLabel = "REL", defaultValue = Tolerances.ZERO_TOL,
            description = "Eigenvalues with |lambda| <= REL * spectral radius count as zero "
                    + "(default ${DEFAULT-VALUE}).")
    private double zeroTol;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after SECONDS (0, the default: no limit), keeping and printing the points polished "
                    + "so far, marked as stopped by the time limit.")
    private double timeLimit;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PolishMethod method = CriticalRun.polishMethod(polish);
        long seed = problem.seed == null ? 0 : problem.seed;
        CriticalRun.Settings settings = new CriticalRun.Settings(method, gradTol, maxIterations, warmIterations,
                zeroTol, certify, starts, seed);
        if (starts > 0 && problem.params != null) {
            throw new IllegalArgumentException("both --params and --starts were given; give --params FILE to polish "
                    + "one theta, or --starts N --seed S for random starts");
        }
        Problem p = problem.load();
        if (!p.isClosedForm()) {
            CriticalRun.checkMethod(method, p.loss());
        }
        CriticalRun.checkSize(p.dim());
        Deadline.checkLimit(timeLimit);
        CriticalRun run = Deadline.run(timeLimit, () -> CriticalRun.run(p, settings));
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), CriticalReport.json(run));
        } else {
            CriticalReport.text(run, spec.commandLine().getOut());
        }
        return run.convergedCount() == 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }
}
