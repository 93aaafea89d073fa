package org.flowscape.experiment;

/**
 * Where a run writes what it found; one method per table of the store schema ({@code docs/store.md}).
 * The run key is implied. Implementations buffer the records and commit them with the run, so a run that
 * fails or is killed leaves nothing half-written.
 */
public interface RecordSink {
    /** Sets the run's outcome (default {@link Outcome#OK}) and a one-line message (may be empty). */
    void outcome(Outcome outcome, String message);

    /** A scalar result, e.g. {@code final_loss}, {@code rate_fit}, {@code drift_max}. Table {@code metrics}. */
    void metric(String name, double value);

    /**
     * A curve, e.g. loss against time; {@code x} and {@code y} have equal length. Table {@code series}.
     */
    void series(String name, double[] x, double[] y);

    /**
     * Eigenvalues or a spectral density: {@code values[i]} with {@code weights[i]} (1 for plain eigenvalues,
     * the density's weight otherwise; equal length). Table {@code spectra}.
     */
    void spectrum(String name, double[] values, double[] weights);

    /** One critical point found by the run. Table {@code critical_points}. */
    void criticalPoint(CriticalPointRow row);

    /** One initialization of a basin study. Table {@code basins}. */
    void basin(BasinRow row);

    /**
     * A 2-D grid of values, e.g. a loss slice: {@code values[i][j]} at ({@code x[i]}, {@code y[j]}).
     * Table {@code grids}.
     */
    void grid(String name, double[] x, double[] y, double[][] values);
}
