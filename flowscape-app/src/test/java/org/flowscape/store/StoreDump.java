package org.flowscape.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every stored row of a study directory as text, doubles as their exact bits, timing columns left out. */
public final class StoreDump {
    private StoreDump() {
    }

    /** The rows of every table but schema_info, sorted within each table; runs without started_at and wall_ms. */
    public static List<String> rows(Path dir) throws Exception {
        List<String> all = new ArrayList<>();
        try (StoreReader r = StoreReader.open(dir)) {
            all.addAll(table(r, "runs", "SELECT run_key, analysis, params_json, seed, outcome, message, code_version, "
                    + "jdk, backend, tolerances_json FROM runs"));
            for (String t : StoreSchema.RECORD_TABLES) {
                all.addAll(table(r, t, "SELECT * FROM " + t));
            }
        }
        return all;
    }

    private static List<String> table(StoreReader r, String name, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement st = r.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder(name);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(" | ");
                    if (md.getColumnType(i) == Types.DOUBLE) {
                        b.append(Long.toHexString(Double.doubleToRawLongBits(rs.getDouble(i))));
                    } else {
                        b.append(rs.getString(i));
                    }
                }
                rows.add(b.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }
}
