package org.flowscape.spark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunExecution;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.RunSpec;

/**
 * Runs one {@link RunSpec} exactly as the local runner does ({@link RunExecution}: failure isolation, time limit,
 * the same outcome and message rules) and turns the result into rows of the store tables, {@code run_key} first,
 * in the column order of {@link StoreTable}. Memory: one row object per stored tuple (a series of n points is n
 * rows).
 */
public final class RunTask {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunTask() {
    }

    /**
     * Runs {@code spec} in this JVM.
     *
     * @param spec the run
     * @param lookup finds the analysis by {@link RunSpec#analysis()}
     * @param limitSeconds the per-run wall-clock limit; 0 for none
     * @param provenance what to record about this machine
     * @return the run's rows by table, {@link StoreTable#RUNS} included (one row); never throws for a failing run
     */
    public static Map<StoreTable, List<Row>> run(RunSpec spec, AnalysisLookup lookup, double limitSeconds,
            Provenance provenance) {
        return rows(RunExecution.execute(lookup.byName(spec.analysis()), spec, limitSeconds, provenance));
    }

    /** The store rows of a finished run, by table; tables it wrote nothing to are absent. */
    public static Map<StoreTable, List<Row>> rows(RunResult r) {
        Map<StoreTable, List<Row>> rows = new EnumMap<>(StoreTable.class);
        String key = r.spec().key();
        rows.put(StoreTable.RUNS, List.of(RowFactory.create(key, r.spec().analysis(), json(r.spec().params()),
                r.spec().seed(), r.outcome().column(), r.message(),
                LocalDateTime.ofInstant(r.startedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), r.wallMs(),
                r.provenance().codeVersion(), r.provenance().jdk(), r.provenance().backend(),
                json(r.spec().tolerances()))));
        RecordBuffer b = r.records();
        for (RecordBuffer.Metric m : b.metrics()) {
            add(rows, StoreTable.METRICS, key, m.name(), m.value());
        }
        for (RecordBuffer.Curve c : b.series()) {
            for (int i = 0; i < c.x().length; i++) {
                add(rows, StoreTable.SERIES, key, c.name(), i, c.x()[i], c.y()[i]);
            }
        }
        for (RecordBuffer.Curve c : b.spectra()) {
            for (int i = 0; i < c.x().length; i++) {
                add(rows, StoreTable.SPECTRA, key, c.name(), i, c.x()[i], c.y()[i]);
            }
        }
        for (CriticalPointRow p : b.criticalPoints()) {
            add(rows, StoreTable.CRITICAL_POINTS, key, p.index(), p.loss(), p.gradNorm(), p.morseIndex(), p.nullity(),
                    p.orbitDim(), p.efficient(), p.certified(), p.certRadius(), p.lambdaMin(), p.lambdaMax());
        }
        for (BasinRow x : b.basins()) {
            add(rows, StoreTable.BASINS, key, x.init(), x.width(), x.data(), x.basinValue(), x.kktGap(), x.finalLoss());
        }
        for (RecordBuffer.Grid g : b.grids()) {
            for (int i = 0; i < g.x().length; i++) {
                for (int j = 0; j < g.y().length; j++) {
                    add(rows, StoreTable.GRIDS, key, g.name(), i, j, g.x()[i], g.y()[j], g.values()[i][j]);
                }
            }
        }
        return rows;
    }

    /** The map as a JSON object with sorted keys, as the local store writes it. */
    static String json(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + map + " as JSON", e);
        }
    }

    private static void add(Map<StoreTable, List<Row>> rows, StoreTable table, Object... values) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(RowFactory.create(values));
    }
}
