package org.flowscape.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * Read access to a study directory's results for reports, exports and users: a JDBC connection on which every
 * table of the schema ({@code docs/store.md}) can be queried by name. Opens {@code DIR/results.duckdb} read-only
 * when present; otherwise {@code DIR/parquet/TABLE/*.parquet} (what the Spark executor and
 * {@code flowscape export --format parquet} write) as views over DuckDB's {@code read_parquet}, with empty tables
 * for any table not exported. Refuses a newer schema version.
 */
public final class StoreReader implements AutoCloseable {
    private final Path dir;
    private final DuckDBConnection connection;
    private final boolean parquet;

    private StoreReader(Path dir, DuckDBConnection connection, boolean parquet) {
        this.dir = dir;
        this.connection = connection;
        this.parquet = parquet;
    }

    /**
     * Opens the results of study directory {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} holds neither {@code results.duckdb} nor
     *     {@code parquet/}, or a store of a newer schema version
     */
    public static StoreReader open(Path dir) throws IOException {
        Path file = dir.resolve(StoreSchema.FILE);
        Path pq = dir.resolve("parquet");
        boolean useFile = Files.isRegularFile(file);
        if (!useFile && !Files.isDirectory(pq)) {
            throw new IllegalArgumentException("no results in " + dir + ": neither " + StoreSchema.FILE
                    + " nor parquet/ is there; give the --out directory of a flowscape run");
        }
        DuckDBConnection c = Duck.connect(useFile ? file : null, useFile);
        try {
            if (!useFile) {
                parquetViews(c, pq);
            }
            Duck.checkVersion(c, useFile ? file : pq);
            return new StoreReader(dir, c, !useFile);
        } catch (SQLException e) {
            Duck.closeQuietly(c);
            throw Duck.userError(useFile ? file : pq, e);
        } catch (RuntimeException e) {
            Duck.closeQuietly(c);
            throw e;
        }
    }

    private static void parquetViews(Connection c, Path pq) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            for (String table : StoreSchema.TABLES) {
                Path tableDir = pq.resolve(table);
                if (hasParquet(tableDir)) {
                    st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet("
                            + Duck.literal(tableDir.resolve("*.parquet")) + ")");
                } else {
                    st.execute(StoreSchema.ddl(table));
                }
            }
        }
    }

    private static boolean hasParquet(Path tableDir) throws IOException {
        if (!Files.isDirectory(tableDir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(tableDir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** The study directory. */
    public Path directory() {
        return dir;
    }

    /** True when reading a Parquet export rather than {@code results.duckdb}. */
    public boolean fromParquet() {
        return parquet;
    }

    /**
     * The connection (read-only over the file, or in memory over the Parquet views); the caller may run any
     * query on it but must not close it (close this reader).
     */
    public Connection connection() {
        return connection;
    }

    /** The store's schema version. */
    public int schemaVersion() throws SQLException {
        return Duck.version(connection);
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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
