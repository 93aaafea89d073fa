package org.flowscape.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Read access to a study's results store ({@code docs/store.md}, schema version {@value #VERSION}): the DuckDB
 * file {@code DIR/results.duckdb} attached read-only to an in-memory DuckDB, or else the Parquet tables
 * {@code DIR/parquet/TABLE/**.parquet} that the Spark executor writes ({@code read_parquet}); either way each
 * table is a view in the in-memory database. A record table that is missing (or has no Parquet files) reads as
 * an empty table of the documented columns; a missing {@code runs} table means the directory holds no flowscape
 * store. Close it after use.
 */
public final class StoreReader implements AutoCloseable {
    /** The newest schema version this reader understands. */
    public static final int VERSION = 1;

    /** The documented columns of every table, for empty stand-ins of Parquet tables that were not written. */
    static final Map<String, String> TABLES = Map.of(
            "schema_info", "version INTEGER, created_at TIMESTAMP, flowscape_version VARCHAR",
            "study", "name VARCHAR, spec_yaml VARCHAR, seed BIGINT, scale VARCHAR",
            "runs", "run_key VARCHAR, analysis VARCHAR, params_json VARCHAR, seed BIGINT, outcome VARCHAR, "
                    + "message VARCHAR, started_at TIMESTAMP, wall_ms DOUBLE, code_version VARCHAR, jdk VARCHAR, "
                    + "backend VARCHAR, tolerances_json VARCHAR",
            "metrics", "run_key VARCHAR, name VARCHAR, value DOUBLE",
            "series", "run_key VARCHAR, name VARCHAR, idx INTEGER, x DOUBLE, y DOUBLE",
            "spectra", "run_key VARCHAR, name VARCHAR, idx INTEGER, value DOUBLE, weight DOUBLE",
            "critical_points", "run_key VARCHAR, idx INTEGER, loss DOUBLE, grad_norm DOUBLE, morse_index INTEGER, "
                    + "nullity INTEGER, orbit_dim INTEGER, efficient BOOLEAN, certified BOOLEAN, cert_radius DOUBLE, "
                    + "lambda_min DOUBLE, lambda_max DOUBLE",
            "basins", "run_key VARCHAR, init INTEGER, width INTEGER, data VARCHAR, basin_value DOUBLE, "
                    + "kkt_gap DOUBLE, final_loss DOUBLE",
            "grids", "run_key VARCHAR, name VARCHAR, i INTEGER, j INTEGER, x DOUBLE, y DOUBLE, value DOUBLE");

    private final Connection connection;
    private final String source;
    private final List<String> notes = new ArrayList<>();

    private StoreReader(Connection connection, String source) {
        this.connection = connection;
        this.source = source;
    }

    /**
     * Opens the store of study directory {@code dir} and checks its schema version.
     *
     * @throws IllegalArgumentException when the directory or its store is missing, or the store's schema is newer
     *     than {@value #VERSION} (user errors)
     */
    public static StoreReader open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("study directory not found: " + dir + "; give the directory that "
                    + "flowscape run wrote");
        }
        Path file = dir.resolve("results.duckdb");
        Path parquet = dir.resolve("parquet");
        StoreReader r;
        try {
            if (Files.isRegularFile(file)) {
                r = new StoreReader(DriverManager.getConnection("jdbc:duckdb:"), file.toString());
                r.attach(file);
            } else if (Files.isDirectory(parquet)) {
                r = new StoreReader(DriverManager.getConnection("jdbc:duckdb:"), parquet + " (Parquet)");
                r.createViews(parquet);
            } else {
                throw new IllegalArgumentException("no results store in " + dir + ": expected results.duckdb or "
                        + "parquet/; run flowscape run on the study first");
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open the results store in " + dir + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; check that it is a flowscape store", e);
        }
        try {
            r.checkVersion();
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    /** Attaches the DuckDB file read-only; views name its tables, empty tables stand in for missing ones. */
    private void attach(Path file) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ATTACH '" + file.toAbsolutePath().toString().replace("'", "''") + "' AS store (READ_ONLY)");
            for (Map.Entry<String, String> t : new java.util.TreeMap<>(TABLES).entrySet()) {
                boolean present = !rows("SELECT 1 FROM information_schema.tables WHERE table_catalog = 'store' "
                        + "AND table_name = ?", t.getKey()).isEmpty();
                if (present) {
                    s.execute("CREATE VIEW " + t.getKey() + " AS SELECT * FROM store.main." + t.getKey());
                } else if (!t.getKey().equals("runs") && !t.getKey().equals("schema_info")) {
                    s.execute("CREATE TABLE " + t.getKey() + " (" + t.getValue() + ")");
                }
            }
        }
    }

    private void createViews(Path parquet) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            for (Map.Entry<String, String> t : new java.util.TreeMap<>(TABLES).entrySet()) {
                Path dir = parquet.resolve(t.getKey());
                if (hasParquet(dir)) {
                    String glob = dir.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
                    s.execute("CREATE VIEW " + t.getKey() + " AS SELECT * FROM read_parquet('" + glob + "')");
                } else {
                    s.execute("CREATE TABLE " + t.getKey() + " (" + t.getValue() + ")");
                }
            }
        }
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private void checkVersion() {
        if (!hasTable("runs")) {
            throw new IllegalArgumentException(source + " has no runs table; it is not a flowscape results store");
        }
        if (!hasTable("schema_info") || rows("SELECT max(version) FROM schema_info").get(0)[0] == null) {
            notes.add("The store has no schema_info row; read as schema version " + VERSION + ".");
            return;
        }
        int version = ((Number) rows("SELECT max(version) FROM schema_info").get(0)[0]).intValue();
        if (version > VERSION) {
            throw new IllegalArgumentException(source + " has store schema version " + version + ", newer than "
                    + "this flowscape reads (" + VERSION + "); report it with a newer flowscape");
        }
    }

    /** Whether the store has table {@code name}. */
    public boolean hasTable(String name) {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_catalog = 'memory' AND table_name = ?",
                name).isEmpty();
    }

    /** Where the data came from: the DuckDB file or the Parquet directory. */
    public String source() {
        return source;
    }

    /** Remarks about the store itself (e.g. a missing schema_info), for the page's provenance. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The rows of a query, each as an array of column values (JDBC objects; SQL NULL as null).
     *
     * @param sql the query, with {@code ?} for {@code args}
     */
    public List<Object[]> rows(String sql, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read the results store " + source + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; check that it follows docs/store.md", e);
        }
    }

    /** One column of a query as doubles (NULL as NaN). */
    public double[] doubles(String sql, Object... args) {
        List<Object[]> r = rows(sql, args);
        double[] out = new double[r.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.get(i)[0] == null ? Double.NaN : ((Number) r.get(i)[0]).doubleValue();
        }
        return out;
    }

    /** One column of a query as strings (NULL as ""). */
    public List<String> strings(String sql, Object... args) {
        return rows(sql, args).stream().map(r -> r[0] == null ? "" : r[0].toString()).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written; closing a read connection cannot lose data
        }
    }
}
