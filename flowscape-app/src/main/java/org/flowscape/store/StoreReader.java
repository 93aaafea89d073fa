package org.flowscape.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * Read access to a study directory's results for reports, exports and users: a JDBC connection to an in-memory
 * DuckDB in which every table of the schema ({@code docs/store.md}, {@link StoreSchema}) is a view by its name.
 * The views read {@code DIR/results.duckdb} (attached read-only) when present; otherwise the Parquet tables
 * {@code DIR/parquet/TABLE/**.parquet} that the Spark executor and {@code flowscape export --format parquet} write
 * ({@code read_parquet}). A record table (or {@code study}) that is missing, or has no Parquet files, reads as an
 * empty table of the documented columns; a missing {@code runs} table means the directory holds no flowscape
 * store; a missing {@code schema_info} is read as version {@value StoreSchema#VERSION} with a {@link #notes() note};
 * a newer schema version is refused. Close it after use.
 */
public final class StoreReader implements AutoCloseable {
    private final Path dir;
    private final DuckDBConnection connection;
    private final boolean parquet;
    private final String source;
    private final List<String> notes = new ArrayList<>();

    private StoreReader(Path dir, DuckDBConnection connection, boolean parquet, String source) {
        this.dir = dir;
        this.connection = connection;
        this.parquet = parquet;
        this.source = source;
    }

    /**
     * Opens the results of study directory {@code dir} and checks its schema version.
     *
     * @throws IllegalArgumentException (a user error) when {@code dir} is missing, holds neither
     *     {@code results.duckdb} nor {@code parquet/}, is locked by a writer, is not a flowscape store, or is a
     *     store of a newer schema version
     */
    public static StoreReader open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("study directory not found: " + dir + "; give the --out directory "
                    + "of a flowscape run");
        }
        Path file = dir.resolve(StoreSchema.FILE);
        Path pq = dir.resolve("parquet");
        boolean useFile = Files.isRegularFile(file);
        if (!useFile && !Files.isDirectory(pq)) {
            throw new IllegalArgumentException("no results in " + dir + ": neither " + StoreSchema.FILE
                    + " nor parquet/ is there; run flowscape run on the study first, or give its --out directory");
        }
        Path where = useFile ? file : pq;
        DuckDBConnection c = Duck.connect(null, false);
        try {
            c.setAutoCommit(true);
            if (useFile) {
                attach(c, file);
            } else {
                parquetViews(c, pq);
            }
            StoreReader r = new StoreReader(dir, c, !useFile, useFile ? file.toString() : pq + " (Parquet)");
            r.checkVersion(where);
            return r;
        } catch (SQLException e) {
            Duck.closeQuietly(c);
            throw Duck.userError(where, e);
        } catch (RuntimeException | IOException e) {
            Duck.closeQuietly(c);
            throw e;
        }
    }

    /** Attaches the DuckDB file read-only; views name its tables, empty tables stand in for missing ones. */
    private static void attach(Connection c, Path file) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH " + Duck.literal(file) + " AS store (READ_ONLY)");
            for (String table : StoreSchema.TABLES) {
                if (present(c, table)) {
                    st.execute("CREATE VIEW " + table + " AS SELECT * FROM store.main." + table);
                } else if (standsIn(table)) {
                    st.execute(StoreSchema.ddl(table));
                }
            }
        }
    }

    private static boolean present(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_catalog = 'store' AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Whether an empty table may stand in for a missing {@code table}: not for runs and schema_info. */
    private static boolean standsIn(String table) {
        return !table.equals("runs") && !table.equals("schema_info");
    }

    private static void parquetViews(Connection c, Path pq) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            for (String table : StoreSchema.TABLES) {
                Path tableDir = pq.resolve(table);
                if (hasParquet(tableDir)) {
                    String glob = tableDir.toAbsolutePath() + "/**/*.parquet";
                    st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet("
                            + Duck.literal(Path.of(glob)) + ")");
                } else if (standsIn(table)) {
                    st.execute(StoreSchema.ddl(table));
                }
            }
        }
    }

    private static boolean hasParquet(Path tableDir) throws IOException {
        if (!Files.isDirectory(tableDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tableDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    private void checkVersion(Path where) throws SQLException {
        if (!hasTable("runs")) {
            throw new IllegalArgumentException(source + " has no runs table; it is not a flowscape results store");
        }
        if (schemaVersion() == 0) {
            notes.add("The store has no schema_info row; read as schema version " + StoreSchema.VERSION + ".");
        }
        Duck.checkVersion(connection, where);
    }

    /** The study directory. */
    public Path directory() {
        return dir;
    }

    /** True when reading a Parquet export rather than {@code results.duckdb}. */
    public boolean fromParquet() {
        return parquet;
    }

    /** Where the data came from, for provenance: the DuckDB file, or the Parquet directory marked "(Parquet)". */
    public String source() {
        return source;
    }

    /** Remarks about the store itself (e.g. a missing schema_info), for the report's provenance. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The in-memory connection holding the views; the caller may run any query on it but must not close it
     * (close this reader).
     */
    public Connection connection() {
        return connection;
    }

    /** The store's schema version, or 0 when it has no {@code schema_info} row. */
    public int schemaVersion() throws SQLException {
        return Duck.version(connection);
    }

    /** Whether table {@code name} can be queried (stand-ins included; only runs and schema_info can be absent). */
    public boolean hasTable(String name) {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_catalog = 'memory' AND table_name = ?",
                name).isEmpty();
    }

    /** How many runs ended with each outcome ({@code ok}, {@code diverged}, ...), by outcome name. */
    public Map<String, Long> outcomeCounts() throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT outcome, count(*) FROM runs GROUP BY outcome ORDER BY outcome")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    /**
     * Whether the DuckDB file {@code file} holds no tables at all: a store created and never written, as a process
     * killed right after creating it leaves behind.
     *
     * @throws IllegalArgumentException when the file cannot be opened (not DuckDB, or in use by another process)
     */
    public static boolean holdsNoTables(Path file) {
        DuckDBConnection c = Duck.connect(file, true);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw Duck.userError(file, e);
        } finally {
            Duck.closeQuietly(c);
        }
    }

    /**
     * The distinct messages of failed runs with how many runs failed with each, most frequent first: what a user
     * must fix when runs fail.
     */
    public Map<String, Long> failureReasons() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT coalesce(message, ''), count(*) FROM runs WHERE outcome = 'failed' "
                + "GROUP BY 1 ORDER BY 2 DESC, 1")) {
            m.put(r[0].toString(), ((Number) r[1]).longValue());
        }
        return m;
    }

    /**
     * The rows of a query, each as an array of column values (JDBC objects; SQL NULL as null).
     *
     * @param sql the query, with {@code ?} for {@code args}
     * @throws IllegalArgumentException when the query fails (a store that does not follow the schema)
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
        Duck.closeQuietly(connection); // nothing was written; closing a read connection cannot lose data
    }
}
