package org.flowscape.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * A {@link RecordSink} that buffers one run's records as Spark rows of the store tables ({@link StoreTable}),
 * {@code run_key} first. Each call copies its arguments into rows at once, so the caller may reuse its arrays.
 * Memory: one row object per stored value tuple (a series of length n is n rows). Not thread-safe: one per run.
 */
public final class RunRecords implements RecordSink, Serializable {
    private static final long serialVersionUID = 1L;

    private final String runKey;
    private final EnumMap<StoreTable, List<Row>> rows = new EnumMap<>(StoreTable.class);
    private Outcome outcome = Outcome.OK;
    private String message = "";

    /** An empty buffer for the run {@code runKey}. */
    public RunRecords(String runKey) {
        this.runKey = runKey;
    }

    @Override
    public void outcome(Outcome outcome, String message) {
        this.outcome = java.util.Objects.requireNonNull(outcome, "outcome");
        this.message = message == null ? "" : message;
    }

    @Override
    public void metric(String name, double value) {
        add(StoreTable.METRICS, name, value);
    }

    @Override
    public void series(String name, double[] x, double[] y) {
        requireSameLength("series " + name, x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            add(StoreTable.SERIES, name, i, x[i], y[i]);
        }
    }

    @Override
    public void spectrum(String name, double[] values, double[] weights) {
        requireSameLength("spectrum " + name, values.length, weights.length);
        for (int i = 0; i < values.length; i++) {
            add(StoreTable.SPECTRA, name, i, values[i], weights[i]);
        }
    }

    @Override
    public void criticalPoint(CriticalPointRow r) {
        add(StoreTable.CRITICAL_POINTS, r.index(), r.loss(), r.gradNorm(), r.morseIndex(), r.nullity(), r.orbitDim(),
                r.efficient(), r.certified(), r.certRadius(), r.lambdaMin(), r.lambdaMax());
    }

    @Override
    public void basin(BasinRow r) {
        add(StoreTable.BASINS, r.init(), r.width(), r.data(), r.basinValue(), r.kktGap(), r.finalLoss());
    }

    @Override
    public void grid(String name, double[] x, double[] y, double[][] values) {
        requireSameLength("grid " + name + " rows", x.length, values.length);
        for (int i = 0; i < x.length; i++) {
            requireSameLength("grid " + name + " row " + i, y.length, values[i].length);
            for (int j = 0; j < y.length; j++) {
                add(StoreTable.GRIDS, name, i, j, x[i], y[j], values[i][j]);
            }
        }
    }

    /** The outcome the run reported ({@link Outcome#OK} unless it said otherwise). */
    public Outcome outcome() {
        return outcome;
    }

    /** The run's one-line message, possibly empty. */
    public String message() {
        return message;
    }

    /** The buffered rows of {@code table} (one of {@link StoreTable#RECORDS}); empty when none. */
    public List<Row> rows(StoreTable table) {
        return rows.getOrDefault(table, List.of());
    }

    /** Every buffered row, by table (read only view of the buffers). */
    public Map<StoreTable, List<Row>> all() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    private void add(StoreTable table, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = runKey;
        System.arraycopy(values, 0, row, 1, values.length);
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(RowFactory.create(row));
    }

    private static void requireSameLength(String what, int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": lengths differ (" + a + " vs " + b + ")");
        }
    }
}
