package org.flowscape.experiment;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.flowscape.rng.Seeds;

/**
 * What an {@link Analysis} sees of its run: the resolved {@link RunSpec} and a cancellation check.
 *
 * @param spec the run
 * @param cancelled true once the runner wants the run to stop (time limit, shutdown); long analyses poll it
 *     between steps and report {@link Outcome#TIMEOUT}
 */
public record RunContext(RunSpec spec, BooleanSupplier cancelled) {
    /** A context that is never cancelled. */
    public static RunContext of(RunSpec spec) {
        return new RunContext(spec, () -> false);
    }

    /** The parameter {@code name}, or {@code fallback} when the run does not set it. */
    public String param(String name, String fallback) {
        return spec.params().getOrDefault(name, fallback);
    }

    /** The tolerance {@code name}, or {@code fallback} when the run does not set it. */
    public double tolerance(String name, double fallback) {
        return spec.tolerances().getOrDefault(name, fallback);
    }

    /** The seeded stream for (run seed, purpose, index); see {@link Seeds#stream(long, String, long)}. */
    public SplittableRandom stream(String purpose, long index) {
        return Seeds.stream(spec.seed(), purpose, index);
    }
}
