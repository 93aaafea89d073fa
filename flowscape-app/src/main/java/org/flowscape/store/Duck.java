package org.flowscape.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/** DuckDB connections and the checks every opener of a store makes; package-private plumbing. */
final class Duck {
    private Duck() {
    }

    /** A connection to {@code file} (read-only or read-write, auto-commit off), or to memory when null. */
    static DuckDBConnection connect(Path file, boolean readOnly) {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        String url = "jdbc:duckdb:" + (file == null ? "" : file.toAbsolutePath().toString());
        try {
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection(url, p);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw userError(file, e);
        }
    }

    /**
     * Refuses a store written by a newer schema version.
     *
     * @throws IllegalArgumentException naming the file and both versions
     */
    static void checkVersion(Connection c, Path file) throws SQLException {
        int version = version(c);
        if (version > StoreSchema.VERSION) {
            throw new IllegalArgumentException(file + " has store schema version " + version + ", newer than this "
                    + "flowscape reads (" + StoreSchema.VERSION + "); use a newer flowscape, or another directory");
        }
    }

    /** The store's schema version, or 0 when it has no {@code schema_info} table yet. */
    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_name = 'schema_info'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_info")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A failure to open or read {@code file}, worded for the user. */
    static IllegalArgumentException userError(Path file, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("lock")) {
            return new IllegalArgumentException(file + " is in use by another process (" + m + "); wait for it "
                    + "to finish, or use another directory");
        }
        if (lower.contains("not a valid duckdb") || lower.contains("unable to open database")
                || lower.contains("serialization") || lower.contains("corrupt")) {
            return new IllegalArgumentException("cannot open " + file + " as a DuckDB results store (" + m
                    + "); give a study directory written by flowscape run");
        }
        return new IllegalArgumentException("cannot use the results store " + file + " (" + m + "); check the "
                + "directory");
    }

    /**
     * A failure to write {@code file} (a full disk, a read-only file system, a lost lock), worded for the user with
     * DuckDB's own reason; the runs committed before stay in the store.
     */
    static IllegalArgumentException writeError(Path file, SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        String lower = m.toLowerCase(Locale.ROOT);
        String fix = lower.contains("no space") ? "free disk space or choose another --out DIR"
                : lower.contains("read-only") || lower.contains("permission") ? "choose a writable --out DIR"
                : "check the disk and the directory";
        return new IllegalArgumentException("cannot write the results store " + file + " (" + m + "); " + fix
                + "; the runs committed before are kept", e);
    }

    /** Closes {@code c}, ignoring failures (cleanup after another error). */
    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one reported
        }
    }

    /** {@code path} as a single-quoted SQL string literal. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
