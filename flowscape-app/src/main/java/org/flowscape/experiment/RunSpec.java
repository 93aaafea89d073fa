package org.flowscape.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of a study, fully resolved: which analysis, with which parameters (the problem spec and the
 * analysis settings after the sweep grid is applied), its seed and tolerances. Plain data, so that it can
 * be shipped to a Spark executor as it is.
 *
 * @param key a stable key naming the run, unique in its study (e.g. {@code flow/width=8/seed=3}); the same
 *     study file always expands to the same keys
 * @param analysis the {@link Analysis#name()} to run
 * @param params resolved parameters, sorted by key; values are strings as written in the study file
 * @param seed the run's root seed, derived from (study seed, key) only
 * @param tolerances named tolerances recorded with the results (sorted)
 */
public record RunSpec(String key, String analysis, Map<String, String> params, long seed,
                      Map<String, Double> tolerances) implements java.io.Serializable {
    public RunSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(analysis, "analysis");
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        tolerances = java.util.Collections.unmodifiableMap(new TreeMap<>(tolerances));
    }
}
