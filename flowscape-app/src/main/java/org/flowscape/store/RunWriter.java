package org.flowscape.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.flowscape.experiment.BasinRow;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunResult;

/** Writes one run's rows inside the caller's transaction (the caller commits or rolls back). */
final class RunWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunWriter() {
    }

    /** The run's {@code runs} row. */
    static void runRow(DuckDBConnection c, RunResult r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.spec().key());
            ps.setString(2, r.spec().analysis());
            ps.setString(3, json(r.spec().params()));
            ps.setLong(4, r.spec().seed());
            ps.setString(5, r.outcome().column());
            ps.setString(6, r.message());
            ps.setObject(7, LocalDateTime.ofInstant(r.startedAt(), ZoneOffset.UTC));
            ps.setDouble(8, r.wallMs());
            ps.setString(9, r.provenance().codeVersion());
            ps.setString(10, r.provenance().jdk());
            ps.setString(11, r.provenance().backend());
            ps.setString(12, json(r.spec().tolerances()));
            ps.execute();
        }
    }

    /** Every record of the run, one appender per non-empty table. */
    static void records(DuckDBConnection c, RunResult r) throws SQLException {
        String key = r.spec().key();
        RecordBuffer b = r.records();
        if (!b.metrics().isEmpty()) {
            try (DuckDBAppender a = ResultStore.appender(c, "metrics")) {
                for (RecordBuffer.Metric m : b.metrics()) {
                    a.beginRow().append(key).append(m.name()).append(m.value()).endRow();
                }
            }
        }
        curves(c, "series", key, b.series());
        curves(c, "spectra", key, b.spectra());
        if (!b.criticalPoints().isEmpty()) {
            try (DuckDBAppender a = ResultStore.appender(c, "critical_points")) {
                for (CriticalPointRow p : b.criticalPoints()) {
                    a.beginRow().append(key).append(p.index()).append(p.loss()).append(p.gradNorm())
                            .append(p.morseIndex()).append(p.nullity()).append(p.orbitDim()).append(p.efficient())
                            .append(p.certified()).append(p.certRadius()).append(p.lambdaMin())
                            .append(p.lambdaMax()).endRow();
                }
            }
        }
        if (!b.basins().isEmpty()) {
            try (DuckDBAppender a = ResultStore.appender(c, "basins")) {
                for (BasinRow x : b.basins()) {
                    a.beginRow().append(key).append(x.init()).append(x.width()).append(x.data())
                            .append(x.basinValue()).append(x.kktGap()).append(x.finalLoss()).endRow();
                }
            }
        }
        grids(c, key, b);
    }

    private static void curves(DuckDBConnection c, String table, String key, java.util.List<RecordBuffer.Curve> all)
            throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        try (DuckDBAppender a = ResultStore.appender(c, table)) {
            for (RecordBuffer.Curve curve : all) {
                for (int i = 0; i < curve.x().length; i++) {
                    a.beginRow().append(key).append(curve.name()).append(i).append(curve.x()[i])
                            .append(curve.y()[i]).endRow();
                }
            }
        }
    }

    private static void grids(DuckDBConnection c, String key, RecordBuffer b) throws SQLException {
        if (b.grids().isEmpty()) {
            return;
        }
        try (DuckDBAppender a = ResultStore.appender(c, "grids")) {
            for (RecordBuffer.Grid g : b.grids()) {
                for (int i = 0; i < g.x().length; i++) {
                    for (int j = 0; j < g.y().length; j++) {
                        a.beginRow().append(key).append(g.name()).append(i).append(j).append(g.x()[i])
                                .append(g.y()[j]).append(g.values()[i][j]).endRow();
                    }
                }
            }
        }
    }

    /** A sorted map as a JSON object. */
    static String json(java.util.Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + map + " as JSON", e);
        }
    }
}
