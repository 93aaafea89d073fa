package org.flowscape.cli;

import java.util.concurrent.Callable;
import org.flowscape.census.laws.ConservationLaws;
import org.flowscape.census.laws.LawsResult;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.flowscape.operation.JsonOutput;

/**
 * {@code flowscape laws}: the conservation laws of a model's gradient flows, discovered (D − dim Lie(∇φ) exactly
 * modulo a prime, and the quadratic laws as an exact kernel) and compared with the declared balancedness laws.
 */
@Command(name = "laws", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Count and list the conservation laws of the model's gradient flows (for every loss and data).",
            "Example: flowscape laws --model linear:2x3x2"})
public final class LawsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC", required = true,
            description = "Model with a polynomial reparametrisation: linear:D0xD1x..., product:N, "
                    + "mlp:...:relu|leaky_relu(A)|identity.")
    private String model;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random point where the Lie algebra's rank is taken (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print one JSON document (fields in docs/cli.md) instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        Network net = Models.parse(model);
        LawsResult result = ConservationLaws.discover(net, seed);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), LawsReport.json(result, net));
        } else {
            LawsReport.text(result, net, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
