package org.flowscape.experiment;

import java.nio.charset.StandardCharsets;
import org.flowscape.rng.Seeds;

/**
 * Run keys and run seeds. A key is {@code ID[/VAR=VALUE...]/seed=S}: the analysis entry's id, the sweep variables
 * the entry uses in the study's order, and the replicate seed. A run's seed is
 * {@code Seeds.derive(studySeed, "run", fnv1a64(key))}: a function of (study seed, key) only, so reordering
 * runs, adding other runs or changing the thread count never changes a run's numbers.
 */
public final class RunKeys {
    private RunKeys() {
    }

    /** The seed of the run keyed {@code key} in a study seeded {@code studySeed}. */
    public static long seed(long studySeed, String key) {
        return Seeds.derive(studySeed, "run", fnv1a64(key));
    }

    /** The 64-bit FNV-1a hash of {@code text}'s UTF-8 bytes (fixed by its definition, stable across JVMs). */
    static long fnv1a64(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
