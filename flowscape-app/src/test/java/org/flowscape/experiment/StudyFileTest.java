package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyFileTest {
    private static final String BASE = """
            name: t
            seed: 5
            problem:
              model: mlp:2-{width}-1:tanh
              data: gaussian:n=10,d=2,seed=1
            analyses:
              - eval
              - analysis: flow
                id: gd
                method: gd
                step: "{lr}"
                horizon: 1
            sweep:
              width: [2, 3]
              lr: [0.1, 0.01]
            seeds: [1, 2]
            tolerances:
              rtol: 1e-9
            scales:
              smoke:
                sweep: {width: [2]}
                seeds: [9]
                settings: {gd: {horizon: 0.5}}
            """;

    private static StudyPlan plan(String yaml, String scale) {
        return StudyExpander.expand(StudyFile.parse("s.yaml", yaml), scale);
    }

    @Test
    void expandsEachEntryOverTheVariablesItUsesTimesTheSeeds() {
        StudyPlan plan = plan(BASE, null);
        List<String> keys = plan.runs().stream().map(RunSpec::key).toList();
        // eval uses width only (2 x 2 seeds); gd uses width and lr (2 x 2 x 2 seeds)
        assertThat(keys).hasSize(4 + 8).startsWith("eval/width=2/seed=1", "eval/width=2/seed=2",
                "eval/width=3/seed=1").contains("gd/width=3/lr=0.01/seed=2").doesNotHaveDuplicates();
        RunSpec gd = plan.runs().stream().filter(r -> r.key().equals("gd/width=3/lr=0.01/seed=2")).findFirst()
                .orElseThrow();
        assertThat(gd.analysis()).isEqualTo("flow");
        assertThat(gd.params()).containsEntry("model", "mlp:2-3-1:tanh").containsEntry("step", "0.01")
                .containsEntry("sweep.width", "3").containsEntry("sweep.lr", "0.01").containsEntry("seed", "2")
                .containsEntry("momentum", "0.9"); // a default filled in
        assertThat(gd.tolerances()).containsEntry("rtol", 1e-9).containsEntry("atol", 1e-10);
        RunSpec eval = plan.runs().get(0);
        assertThat(eval.tolerances()).containsOnlyKeys("zero-tol"); // rtol is not an eval tolerance
        assertThat(plan.scale()).isEmpty();
        assertThat(plan.specYaml()).isEqualTo(BASE);
    }

    @Test
    void runSeedsDependOnStudySeedAndKeyOnly() {
        StudyPlan plan = plan(BASE, null);
        String bigger = BASE.replace("width: [2, 3]", "width: [5, 2, 3]").replace("seeds: [1, 2]", "seeds: [2, 7, 1]");
        Map<String, Long> other = new java.util.HashMap<>();
        plan(bigger, null).runs().forEach(r -> other.put(r.key(), r.seed()));
        for (RunSpec r : plan.runs()) {
            assertThat(other.get(r.key())).as(r.key()).isEqualTo(r.seed());
            assertThat(r.seed()).isEqualTo(RunKeys.seed(5, r.key()));
        }
        assertThat(plan.runs().stream().map(RunSpec::seed).distinct().count()).isEqualTo(plan.runs().size());
        assertThat(plan(BASE.replace("seed: 5", "seed: 6"), null).runs().get(0).seed())
                .isNotEqualTo(plan.runs().get(0).seed());
    }

    @Test
    void scalePresetReplacesSweepSeedsAndSettings() {
        StudyPlan plan = plan(BASE, "smoke");
        assertThat(plan.runs().stream().map(RunSpec::key)).containsExactly("eval/width=2/seed=9",
                "gd/width=2/lr=0.1/seed=9", "gd/width=2/lr=0.01/seed=9");
        assertThat(plan.runs().get(1).params()).containsEntry("horizon", "0.5");
        assertThat(plan.scale()).isEqualTo("smoke");
        assertThatThrownBy(() -> plan(BASE, "huge")).hasMessageContaining("unknown scale 'huge'")
                .hasMessageContaining("smoke");
    }

    @Test
    void errorsNameTheLineAndTheKey() {
        assertError(BASE.replace("seeds: [1, 2]", "seedz: [1, 2]"), "line 16 (seedz): unknown key 'seedz'");
        assertError(BASE.replace("horizon: 1", "horizn: 1"), "line 12 (analyses[1].horizn): unknown setting 'horizn'"
                + " of analysis flow");
        assertError(BASE.replace("- eval", "- evaluate"), "line 7 (analyses[0]): unknown analysis 'evaluate'; the "
                + "known analyses are eval, flow, critical, spectrum");
        assertError(BASE.replace("step: \"{lr}\"", "step: \"{rate}\""), "line 8 (analyses[1]): '{rate}' names no "
                + "sweep variable");
        assertError(BASE.replace("step: \"{lr}\"", "step: ten"), "line 8 (analyses[1]): flow setting 'step' must be a"
                + " number, got 'ten'");
        assertError(BASE.replace("seed: 5", "seed: five"), "line 2 (seed): expected an integer, got 'five'");
        assertError(BASE.replace("  lr: [0.1, 0.01]", "  lr: [0.1, 0.01]\n  depth: [1, 2]"),
                "line 16 (sweep.depth): sweep variable 'depth' is not used");
        assertError(BASE.replace("name: t", "name: t\nname: u"), "line 2 (name): duplicate key 'name'");
        assertError(BASE.replace("  rtol: 1e-9", "  rtol: [1"), "s.yaml line");
        assertError("just text", "a study file is a YAML mapping");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> plan(yaml, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("s.yaml").hasMessageContaining(message);
    }

    @Test
    void theExampleStudiesLoad() throws Exception {
        Path dir = Path.of("..", "examples", "studies");
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Study s = StudyFile.read(f);
                assertThat(StudyExpander.expand(s, null).runs()).as(f.toString()).isNotEmpty();
                for (String scale : s.scales().keySet()) {
                    assertThat(StudyExpander.expand(s, scale).runs()).isNotEmpty();
                }
            }
        }
    }
}
