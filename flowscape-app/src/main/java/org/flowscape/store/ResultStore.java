package org.flowscape.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.StudyPlan;

/**
 * The writable store of one study directory: {@code DIR/results.duckdb} in schema v{@value StoreSchema#VERSION}.
 * {@link #write} commits one run (its {@code runs} row and all its records) in one transaction, so a process
 * killed at any moment leaves only whole runs behind. Thread-safe: writes are serialized on the one connection.
 */
public final class ResultStore implements AutoCloseable {
    private final Path file;
    private final DuckDBConnection connection;

    private ResultStore(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating the directory, the file and the tables as needed) the store of study directory {@code dir}.
     *
     * @throws IllegalArgumentException when the directory cannot be written, the file is not a store, is in use,
     *     or has a newer schema version
     */
    public static ResultStore open(Path dir) throws IOException {
        Path file = prepareDirectory(dir).resolve(StoreSchema.FILE);
        DuckDBConnection c = Duck.connect(file, false);
        try {
            Duck.checkVersion(c, file);
            try (Statement st = c.createStatement()) {
                for (String ddl : StoreSchema.ddl()) {
                    st.execute(ddl);
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM schema_info")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_info VALUES (?, ?, ?)")) {
                        ps.setInt(1, StoreSchema.VERSION);
                        ps.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
                        ps.setString(3, org.flowscape.experiment.Provenance.current().codeVersion());
                        ps.execute();
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                // an older store gains the new tables above (CREATE ... IF NOT EXISTS) and the new version here
                st.execute("UPDATE schema_info SET version = " + StoreSchema.VERSION + " WHERE version < "
                        + StoreSchema.VERSION);
            }
            c.commit();
            return new ResultStore(file, c);
        } catch (SQLException | RuntimeException e) {
            Duck.closeQuietly(c);
            if (e instanceof SQLException s) {
                throw Duck.userError(file, s);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Creates {@code dir} if needed and checks that a file can be created in it.
     *
     * @return {@code dir}
     * @throws IllegalArgumentException naming the directory when it cannot be written
     */
    public static Path prepareDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a directory; choose a directory with --out DIR");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".flowscape-write-test", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write to the study directory " + dir + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()) + "); choose a writable directory with --out DIR");
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Records the study this directory holds. A fresh store (no runs yet) takes {@code plan}'s study row. A store
     * with runs is continued only with {@code resume} and only by the same study file at the same scale.
     *
     * @throws IllegalArgumentException when the directory holds results and {@code resume} is false, or holds
     *     another study's results
     */
    public synchronized void begin(StudyPlan plan, boolean resume) throws SQLException {
        long runs = count("runs");
        if (runs == 0) {
            try (Statement st = connection.createStatement()) {
                st.execute("DELETE FROM study");
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO study VALUES (?, ?, ?, ?)")) {
                ps.setString(1, plan.name());
                ps.setString(2, plan.specYaml());
                ps.setLong(3, plan.seed());
                ps.setString(4, plan.scale());
                ps.execute();
            }
            connection.commit();
            return;
        }
        if (!resume) {
            throw new IllegalArgumentException(file + " already holds " + runs + " runs; pass --resume to continue "
                    + "that study, or choose another --out DIR");
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT spec_yaml FROM study WHERE name = ? AND seed = ? AND scale = ?")) {
            ps.setString(1, plan.name());
            ps.setLong(2, plan.seed());
            ps.setString(3, plan.scale());
            boolean same = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    same |= sameStudy(rs.getString(1), plan.specYaml());
                }
            }
            if (!same) {
                throw new IllegalArgumentException(file + " holds results of a different study file or scale; "
                        + "--resume continues only the study as first run: use that file and --scale, or "
                        + "choose another --out DIR");
            }
        }
    }

    /**
     * Whether two study files say the same: equal text, or equal once parsed as YAML (so comments, blank lines,
     * quoting and flow or block style do not matter; values, keys and their order do).
     */
    static boolean sameStudy(String stored, String now) {
        if (stored.equals(now)) {
            return true;
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return yaml.readTree(stored).equals(yaml.readTree(now));
        } catch (IOException | RuntimeException e) {
            return false; // unparsable text is never the same study
        }
    }

    /** The keys of the runs already stored (whatever their outcome). */
    public synchronized Set<String> finishedKeys() throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT run_key FROM runs ORDER BY run_key")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /**
     * Commits one finished run: its {@code runs} row and every record, in one transaction (rolled back on any
     * error, so nothing half-written remains).
     */
    public synchronized void write(RunResult r) throws SQLException {
        try {
            RunWriter.runRow(connection, r);
            RunWriter.records(connection, r);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                // a failed write may end the transaction itself; its own cause is the one to tell
                e.addSuppressed(rollback);
            }
            if (e instanceof SQLException s) {
                throw Duck.writeError(file, s);
            }
            throw e;
        }
    }

    private long count(String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    /** Commits the landscape graph {@code g} under {@code key} in one transaction (rolled back on any error). */
    public synchronized void writeGraph(GraphStore.Graph g) throws SQLException {
        try {
            GraphStore.rows(connection, g);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Appends rows to one table through the DuckDB appender, within the connection's transaction. */
    static DuckDBAppender appender(DuckDBConnection c, String table) throws SQLException {
        return c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }
}
