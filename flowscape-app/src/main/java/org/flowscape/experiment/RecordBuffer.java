package org.flowscape.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RecordSink} that keeps a run's records in memory until the run is committed; what an executor hands
 * to the store. Arrays are copied on the way in, so an analysis may reuse its buffers. Not thread-safe: one per
 * run, written by the run's thread and read after it finished.
 */
public final class RecordBuffer implements RecordSink {
    private Outcome outcome = Outcome.OK;
    private String message = "";
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Curve> series = new ArrayList<>();
    private final List<Curve> spectra = new ArrayList<>();
    private final List<CriticalPointRow> criticalPoints = new ArrayList<>();
    private final List<BasinRow> basins = new ArrayList<>();
    private final List<Grid> grids = new ArrayList<>();

    /** A named scalar ({@code metrics}). */
    public record Metric(String name, double value) {
    }

    /**
     * A named pair of equal-length arrays: {@code (x, y)} of a series, {@code (value, weight)} of a spectrum.
     *
     * @param name the curve's name
     * @param x the first column (series x, spectrum value)
     * @param y the second column (series y, spectrum weight)
     */
    public record Curve(String name, double[] x, double[] y) {
    }

    /**
     * A named 2-D grid: {@code values[i][j]} at ({@code x[i]}, {@code y[j]}).
     *
     * @param name the grid's name
     * @param x the first axis, length m
     * @param y the second axis, length n
     * @param values m rows of n values
     */
    public record Grid(String name, double[] x, double[] y, double[][] values) {
    }

    @Override
    public void outcome(Outcome outcome, String message) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.message = message == null ? "" : message;
    }

    @Override
    public void metric(String name, double value) {
        metrics.add(new Metric(name, value));
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        series.add(curve(name, x, y, "series"));
    }

    @Override
    public void spectrum(String name, double[] values, double[] weights) {
        spectra.add(curve(name, values, weights, "spectrum"));
    }

    @Override
    public void criticalPoint(CriticalPointRow row) {
        criticalPoints.add(Objects.requireNonNull(row, "row"));
    }

    @Override
    public void basin(BasinRow row) {
        basins.add(Objects.requireNonNull(row, "row"));
    }

    @Override
    public void grid(String name, double[] x, double[] y, double[][] values) {
        if (values.length != x.length) {
            throw new IllegalArgumentException("grid " + name + ": " + values.length + " rows for " + x.length
                    + " x values");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != y.length) {
                throw new IllegalArgumentException("grid " + name + ": row " + i + " has " + values[i].length
                        + " values for " + y.length + " y values");
            }
            copy[i] = values[i].clone();
        }
        grids.add(new Grid(Objects.requireNonNull(name, "name"), x.clone(), y.clone(), copy));
    }

    private static Curve curve(String name, double[] x, double[] y, String what) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(what + " " + name + ": arrays of unequal length " + x.length
                    + " and " + y.length);
        }
        return new Curve(Objects.requireNonNull(name, "name"), x.clone(), y.clone());
    }

    /** The outcome set by the run ({@link Outcome#OK} unless it said otherwise). */
    public Outcome outcome() {
        return outcome;
    }

    /** The outcome's message ({@code ""} when none). */
    public String message() {
        return message;
    }

    /** The scalars, in the order written. */
    public List<Metric> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** The curves, in the order written. */
    public List<Curve> series() {
        return Collections.unmodifiableList(series);
    }

    /** The spectra, in the order written. */
    public List<Curve> spectra() {
        return Collections.unmodifiableList(spectra);
    }

    /** The critical points, in the order written. */
    public List<CriticalPointRow> criticalPoints() {
        return Collections.unmodifiableList(criticalPoints);
    }

    /** The basin rows, in the order written. */
    public List<BasinRow> basins() {
        return Collections.unmodifiableList(basins);
    }

    /** The grids, in the order written. */
    public List<Grid> grids() {
        return Collections.unmodifiableList(grids);
    }
}
