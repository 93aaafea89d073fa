package org.flowscape.experiment;

import java.util.List;
import java.util.Objects;

/**
 * A study expanded into its runs: what an executor needs, and nothing else. Plain data.
 *
 * @param name the study's name
 * @param seed the study seed every run seed is derived from
 * @param scale the scale preset the plan was expanded at (e.g. {@code smoke}), or {@code ""}
 * @param specYaml the study file's text as run, stored with the results
 * @param runs the runs in expansion order (keys unique)
 */
public record StudyPlan(String name, long seed, String scale, String specYaml, List<RunSpec> runs)
        implements java.io.Serializable {
    public StudyPlan {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
    }
}
