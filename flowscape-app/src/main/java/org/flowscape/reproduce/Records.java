package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RecordSink;

/**
 * An in-memory {@link RecordSink}: what a claim's computation wrote, in writing order, for its verdict and figures.
 * Verdict tests fill one by hand with planted records. Not thread-safe (one per claim run).
 */
public final class Records implements RecordSink {
    /** A curve (x, y). */
    public record Curve(double[] x, double[] y) {
    }

    /** A grid z[i][j] at (x[i], y[j]). */
    public record Grid(double[] x, double[] y, double[][] values) {
    }

    private Outcome outcome = Outcome.OK;
    private String message = "";
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, Curve> series = new LinkedHashMap<>();
    private final Map<String, Curve> spectra = new LinkedHashMap<>();
    private final Map<String, Grid> grids = new LinkedHashMap<>();
    private final List<CriticalPointRow> criticalPoints = new ArrayList<>();
    private final List<BasinRow> basins = new ArrayList<>();

    /**
     * The records of a finished run as the store holds them ({@code buffer} is read only): the same metrics (the
     * last value of a name written twice, as {@link #metric(String, double)} keeps it), series, spectra, rows,
     * grids and outcome, so a verdict judged on these is the verdict of the stored run.
     */
    public static Records of(RecordBuffer buffer) {
        Records r = new Records();
        r.outcome(buffer.outcome(), buffer.message());
        buffer.metrics().forEach(m -> r.metric(m.name(), m.value()));
        buffer.series().forEach(c -> r.series(c.name(), c.x(), c.y()));
        buffer.spectra().forEach(c -> r.spectrum(c.name(), c.x(), c.y()));
        buffer.criticalPoints().forEach(r::criticalPoint);
        buffer.basins().forEach(r::basin);
        buffer.grids().forEach(g -> r.grid(g.name(), g.x(), g.y(), g.values()));
        return r;
    }

    @Override
    public void outcome(Outcome o, String m) {
        outcome = Objects.requireNonNull(o);
        message = m == null ? "" : m;
    }

    @Override
    public void metric(String name, double value) {
        metrics.put(name, value);
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        }
        series.put(name, new Curve(x.clone(), y.clone()));
    }

    @Override
    public void spectrum(String name, double[] values, double[] weights) {
        spectra.put(name, new Curve(values.clone(), weights.clone()));
    }

    @Override
    public void criticalPoint(CriticalPointRow row) {
        criticalPoints.add(row);
    }

    @Override
    public void basin(BasinRow row) {
        basins.add(row);
    }

    @Override
    public void grid(String name, double[] x, double[] y, double[][] values) {
        grids.put(name, new Grid(x.clone(), y.clone(), values));
    }

    /** The outcome set by the computation (OK by default). */
    public Outcome outcome() {
        return outcome;
    }

    /** The outcome message. */
    public String message() {
        return message;
    }

    /** The metric {@code name}, or NaN when it was not written. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }

    /** Whether the metric was written. */
    public boolean hasMetric(String name) {
        return metrics.containsKey(name);
    }

    /** All metrics in writing order (unmodifiable). */
    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** Metrics whose names start with {@code prefix}, in writing order. */
    public Map<String, Double> metricsWithPrefix(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** The series {@code name}, or null. */
    public Curve series(String name) {
        return series.get(name);
    }

    /** All series in writing order (unmodifiable). */
    public Map<String, Curve> allSeries() {
        return Collections.unmodifiableMap(series);
    }

    /** The spectrum {@code name} (values in x, weights in y), or null. */
    public Curve spectrum(String name) {
        return spectra.get(name);
    }

    /** All spectra (unmodifiable). */
    public Map<String, Curve> spectra() {
        return Collections.unmodifiableMap(spectra);
    }

    /** The grid {@code name}, or null. */
    public Grid grid(String name) {
        return grids.get(name);
    }

    /** The critical-point rows (unmodifiable). */
    public List<CriticalPointRow> criticalPoints() {
        return Collections.unmodifiableList(criticalPoints);
    }

    /** The basin rows (unmodifiable). */
    public List<BasinRow> basins() {
        return Collections.unmodifiableList(basins);
    }
}
