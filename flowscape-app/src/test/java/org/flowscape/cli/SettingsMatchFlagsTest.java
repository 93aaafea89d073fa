package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.Analysis;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A study key and the command flag of the same name are one setting: for every analysis, each setting and tolerance
 * that the command of the same name also has as {@code --KEY} has the same default there (read from picocli's model
 * of the command, i.e. what {@code --help} shows and what an unset flag gets).
 */
class SettingsMatchFlagsTest {
    /**
     * The one default that differs on purpose: {@code critical --starts} is 0 (polish the --params or --seed θ
     * itself), while a study's critical runs draw 8 random starts (docs/operations.md).
     */
    private static final List<String> DIFFERENT_ON_PURPOSE = List.of("critical.starts");

    @Test
    void everySharedSettingHasOneDefault() {
        CommandLine main = new CommandLine(new Main());
        List<String> compared = new ArrayList<>();
        for (String name : Analyses.names()) {
            CommandLine command = main.getSubcommands().get(name);
            assertThat(command).as("a command for analysis " + name).isNotNull();
            Analysis a = Analyses.byName(name);
            for (Map.Entry<String, String> e : a.settings().entrySet()) {
                OptionSpec o = command.getCommandSpec().findOption("--" + e.getKey());
                if (o != null && o.defaultValue() != null && !e.getValue().isEmpty()
                        && !DIFFERENT_ON_PURPOSE.contains(name + "." + e.getKey())) {
                    assertThat(e.getValue()).as(name + " " + e.getKey()).isEqualTo(o.defaultValue());
                    compared.add(name + "." + e.getKey());
                }
            }
            for (Map.Entry<String, Double> e : a.tolerances().entrySet()) {
                OptionSpec o = command.getCommandSpec().findOption("--" + e.getKey());
                if (o != null && o.defaultValue() != null) {
                    assertThat(e.getValue()).as(name + " " + e.getKey())
                            .isEqualTo(Double.parseDouble(o.defaultValue()));
                    compared.add(name + "." + e.getKey());
                }
            }
        }
        assertThat(compared).contains("eval.zero-tol", "flow.rtol", "flow.atol", "flow.momentum", "flow.max-evals",
                "critical.zero-tol", "critical.grad-tol", "critical.max-iterations", "spectrum.top",
                "spectrum.residual-tol", "basins.widths", "basins.inits", "basins.kkt-tol");
    }
}
