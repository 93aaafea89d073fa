package org.flowscape.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.flowscape.store.StoreReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study analysis {@code census} swept against the weight decay: three critical points below λ = 1, one above. */
class CensusStudyTest {
    @Test
    void censusAgainstWeightDecayCountsThreeThenOneCriticalPoints(@TempDir Path dir) throws Exception {
        Path study = Files.writeString(dir.resolve("s.yaml"), String.join("\n",
                "name: census-l2",
                "seed: 1",
                "problem:",
                "  model: \"fn:0.5*(p1*p2-1)^2\"",
                "  l2: \"{lambda}\"",
                "analyses:",
                "  - analysis: census",
                "    box: \"-2:2\"",
                "    samples: 0",
                "sweep:",
                "  lambda: [0.19, 1.5]",
                "seeds: [1]", ""));
        Path out = dir.resolve("out");
        var run = org.flowscape.cli.Main.newCommandLine(false).execute("run", study.toString(), "--out",
                out.toString());
        assertThat(run).isZero();
        try (StoreReader store = StoreReader.open(out)) {
            double[] small = store.doubles("SELECT value FROM metrics WHERE name = 'points' AND run_key LIKE "
                    + "'%lambda=0.19%'");
            double[] large = store.doubles("SELECT value FROM metrics WHERE name = 'points' AND run_key LIKE "
                    + "'%lambda=1.5%'");
            assertThat(small).containsExactly(3.0);
            assertThat(large).containsExactly(1.0);
            double[] euler = store.doubles("SELECT value FROM metrics WHERE name = 'euler_holds' ORDER BY run_key");
            assertThat(euler).containsExactly(1.0, 1.0);
            double[] saddle = store.doubles("SELECT loss FROM critical_points WHERE morse_index = 1");
            assertThat(saddle).hasSize(1);
            assertThat(saddle[0]).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(store.doubles("SELECT count(*) FROM grids WHERE name = 'landscape'")[0]).isEqualTo(2 * 41 * 41);
        }
    }
}
