package org.flowscape.reproduce;

import java.time.Instant;
import org.flowscape.linalg.LinearAlgebra;

/**
 * Where a reproduction ran: what was asked and on what.
 *
 * @param version the application version
 * @param command the command line as given
 * @param scale the scale
 * @param seed the root seed
 * @param threads the thread count
 * @param java the Java runtime
 * @param blas the BLAS backend
 * @param started when the run started (UTC)
 * @param seconds the wall-clock seconds of the whole run
 */
public record Provenance(String version, String command, Scale scale, long seed, int threads, String java,
                         String blas, Instant started, double seconds) {
    /** The provenance of a run started now on this machine. */
    public static Provenance here(String version, String command, Scale scale, long seed, int threads,
            Instant started, double seconds) {
        return new Provenance(version, command, scale, seed, threads, System.getProperty("java.vendor") + " "
                + System.getProperty("java.version"), LinearAlgebra.blas().name(), started, seconds);
    }
}
