package org.flowscape.spark;

import java.io.Serializable;

import org.flowscape.experiment.Analyses;
import org.flowscape.experiment.Analysis;

/**
 * Finds the {@link Analysis} a run names. Serializable because it travels to the Spark executors with the task;
 * the lookup happens there, so analyses themselves need not be serializable.
 */
@FunctionalInterface
public interface AnalysisLookup extends Serializable {
    /**
     * The analysis called {@code name}.
     *
     * @throws IllegalArgumentException when no analysis has that name
     */
    Analysis byName(String name);

    /** The application's registry, {@link Analyses#byName}. */
    static AnalysisLookup registry() {
        return Analyses::byName;
    }
}
