package org.flowscape.reproduce;

import java.time.Instant;
import org.flowscape.experiment.Provenance;

/**
 * What a reproduction was asked to do and where it ran. The machine's part (code version, Java runtime, BLAS
 * backend) is the same {@link Provenance} that every study run stores, so a reproduction's page, its
 * {@code results.json} and its store rows name the runtime in one way.
 *
 * @param command the command line as given
 * @param scale the scale
 * @param seed the root seed
 * @param threads the thread count
 * @param machine the code version, Java runtime and BLAS backend
 * @param started when the run started (UTC)
 * @param seconds the wall-clock seconds of the whole run
 */
public record Invocation(String command, Scale scale, long seed, int threads, Provenance machine, Instant started,
                         double seconds) {
    /** The invocation of a run started at {@code started} on this machine. */
    public static Invocation here(String command, Scale scale, long seed, int threads, Instant started,
            double seconds) {
        return new Invocation(command, scale, seed, threads, Provenance.current(), started, seconds);
    }
}
