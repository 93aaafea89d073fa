package org.flowscape.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Test helper: reads stored tables with DuckDB (as the report does) and puts rows in a comparable form in which
 * every double is its exact bit pattern, so equal lists mean bit-identical values.
 */
final class DuckRows {
    private DuckRows() {
    }

    /** The rows of {@code DIR/parquet/TABLE/*.parquet}, canonical and sorted. */
    static List<List<Object>> parquet(Path studyDir, String table, String columns) throws SQLException {
        return query("SELECT " + columns + " FROM read_parquet('" + glob(studyDir, table) + "')");
    }

    /** Column name → DuckDB type of the Parquet table, in file order. */
    static Map<String, String> parquetTypes(Path studyDir, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob(studyDir, table) + "')")) {
            while (r.next()) {
                types.put(r.getString("column_name"), r.getString("column_type"));
            }
        }
        return types;
    }

    /** The result of {@code sql} on the local runner's store {@code DIR/results.duckdb}, canonical and sorted. */
    static List<List<Object>> store(Path studyDir, String sql) throws SQLException {
        return query(url(studyDir), sql);
    }

    /** Column name → DuckDB type of a table of the local runner's store, in table order. */
    static Map<String, String> storeTypes(Path studyDir, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<Object> row : query(url(studyDir), "SELECT column_name, data_type, ordinal_position FROM "
                + "information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            types.put((String) row.get(0), (String) row.get(1));
        }
        return types;
    }

    /** The result of {@code sql} (on an in-memory DuckDB), canonical and sorted. */
    static List<List<Object>> query(String sql) throws SQLException {
        return query("jdbc:duckdb:", sql);
    }

    private static String url(Path studyDir) {
        return "jdbc:duckdb:" + studyDir.resolve("results.duckdb").toAbsolutePath();
    }

    private static List<List<Object>> query(String url, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        java.util.Properties readOnly = new java.util.Properties();
        if (!url.equals("jdbc:duckdb:")) {
            readOnly.setProperty("duckdb.read_only", "true");
        }
        try (Connection c = DriverManager.getConnection(url, readOnly); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(canonical(r.getObject(i)));
                }
                rows.add(row);
            }
        }
        return sorted(rows);
    }

    private static Object canonical(Object value) {
        if (value instanceof Double d) {
            return "double:" + Long.toHexString(Double.doubleToLongBits(d));
        }
        return value;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        rows.sort(java.util.Comparator.comparing(Object::toString));
        return rows;
    }

    private static String glob(Path studyDir, String table) {
        return studyDir.resolve("parquet").resolve(table).toAbsolutePath() + "/*.parquet";
    }
}
