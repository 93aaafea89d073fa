package org.flowscape.cli;

import org.flowscape.operation.spectrum.SpectrumRun;
import picocli.CommandLine.Option;

/**
 * The stochastic Lanczos quadrature options shared by {@code spectrum} and {@code analyze}: probes, steps per probe,
 * grid points, and the root seed of every random probe. A picocli mixin; the values are read once, after parsing.
 */
public final class DensityOptions {
    @Option(names = "--probes", paramLabel = "N", defaultValue = SpectrumRun.PROBES,
            description = "SLQ probes (default ${DEFAULT-VALUE}).")
    private int probes;

    @Option(names = "--steps", paramLabel = "M", defaultValue = SpectrumRun.STEPS,
            description = "SLQ steps per probe (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--grid", paramLabel = "G", defaultValue = SpectrumRun.GRID,
            description = "SLQ grid points (default ${DEFAULT-VALUE}).")
    private int grid;

    @Option(names = "--probe-seed", paramLabel = "S", defaultValue = "0",
            description = "Root seed of every random probe (default ${DEFAULT-VALUE}).")
    private long probeSeed;

    /** The number of SLQ probes. */
    public int probes() {
        return probes;
    }

    /** Lanczos steps per SLQ probe. */
    public int steps() {
        return steps;
    }

    /** Points of the density's grid. */
    public int grid() {
        return grid;
    }

    /** The root seed of every random probe. */
    public long probeSeed() {
        return probeSeed;
    }
}
