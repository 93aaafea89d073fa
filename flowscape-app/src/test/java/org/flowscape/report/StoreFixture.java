package org.flowscape.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.flowscape.store.StoreSchema;

/**
 * A planted study store written with DuckDB JDBC exactly as docs/store.md specifies (independent of the runner):
 * two flow runs with loss, drift and rates, one failed run, an eigenvalue list and an SLQ density, critical
 * points, a loss slice and a basin study.
 */
final class StoreFixture {
    static final double RATE = 0.8;

    private StoreFixture() {
    }

    /** Writes {@code dir/results.duckdb} with schema version {@code version}; returns dir. */
    static Path write(Path dir, int version) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("results.duckdb"));
             Statement s = c.createStatement()) {
            for (String t : StoreSchema.TABLES) {
                s.execute(StoreSchema.ddl(t));
            }
            s.execute("INSERT INTO schema_info VALUES (" + version + ", TIMESTAMP '2026-11-23 12:00:00', '0.1.0')");
            s.execute("INSERT INTO study VALUES ('demo <study>', 'name: demo', 42, 'small')");
            run(c, "flow/seed=1", "flow", "ok", "");
            run(c, "flow/seed=2", "flow", "not_converged", "step budget exhausted");
            run(c, "flow/seed=3", "flow", "failed", "NaN in data");
            run(c, "spectrum/a", "spectrum", "ok", "");
            run(c, "critical/a", "critical", "ok", "");
            run(c, "landscape/a", "landscape", "ok", "");
            run(c, "basins/a", "basins", "ok", "");
            for (int r = 1; r <= 2; r++) {
                String key = "flow/seed=" + r;
                try (PreparedStatement p = c.prepareStatement("INSERT INTO series VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < 60; i++) {
                        double t = 0.25 * i;
                        insert(p, key, "loss", i, t, 0.01 + r * Math.exp(-RATE * r * t));
                        insert(p, key, "drift", i, t, i == 0 ? 0 : 1e-15 * i * i);
                    }
                }
                metric(c, key, "loss_star", 0.01);
                metric(c, key, "rate_fit", RATE * r);
                metric(c, key, "rate_predicted", RATE * r * 1.05);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO spectra VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 100; i++) {
                    insert(p, "spectrum/a", "hessian", i, Math.sin(i) * (1 + i / 50.0), 1);
                }
                for (int i = 0; i < 10; i++) {
                    insert(p, "spectrum/a", "slq", i, i * 0.5, 0.1);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO critical_points VALUES (?, ?, ?, 1e-12, ?, ?, 0, false, ?, 1e-6, -0.5, 3)")) {
                int[] index = {0, 0, 1, 1, 2};
                double[] loss = {0, 0.02, 0.3, 0.31, 0.6};
                for (int i = 0; i < 5; i++) {
                    p.setString(1, "critical/a");
                    p.setInt(2, i);
                    p.setDouble(3, loss[i]);
                    p.setInt(4, index[i]);
                    p.setInt(5, i == 1 ? 1 : 0);
                    p.setBoolean(6, i != 4);
                    p.execute();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO grids VALUES ('landscape/a', 'loss', ?, ?, ?, "
                    + "?, ?)")) {
                for (int i = 0; i < 15; i++) {
                    for (int j = 0; j < 11; j++) {
                        double x = -1 + i / 7.0;
                        double y = -1 + j / 5.0;
                        p.setInt(1, i);
                        p.setInt(2, j);
                        p.setDouble(3, x);
                        p.setDouble(4, y);
                        p.setDouble(5, (x * x - 1) * (x * x - 1) + y * y);
                        p.execute();
                    }
                }
            }
            // widths 2, 8: 10 inits each; width 2 has 0 good basins, width 8 has 7 (basin value 0)
            try (PreparedStatement p = c.prepareStatement("INSERT INTO basins VALUES ('basins/a', ?, ?, 'xor', ?, "
                    + "0, 'NaN')")) {
                for (int w : new int[] {2, 8}) {
                    for (int i = 0; i < 10; i++) {
                        p.setInt(1, i);
                        p.setInt(2, w);
                        p.setDouble(3, w == 8 && i < 7 ? 0 : 0.25);
                        p.execute();
                    }
                }
            }
        }
        return dir;
    }

    /** Copies every table of the DuckDB store in {@code from} to Parquet files under {@code to/parquet/TABLE/}. */
    static Path toParquet(Path from, Path to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + from.resolve("results.duckdb"));
             Statement s = c.createStatement()) {
            for (String t : StoreSchema.TABLES) {
                Path dir = to.resolve("parquet").resolve(t);
                Files.createDirectories(dir);
                s.execute("COPY " + t + " TO '" + dir.resolve("part-00000.parquet") + "' (FORMAT PARQUET)");
            }
        }
        return to;
    }

    private static void run(Connection c, String key, String analysis, String outcome, String message)
            throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO runs VALUES (?, ?, '{}', 7, ?, ?, "
                + "TIMESTAMP '2026-11-23 12:00:00', 1500, '0.1.0-test', '17.0.15', 'java', '{\"rtol\":1e-10}')")) {
            p.setString(1, key);
            p.setString(2, analysis);
            p.setString(3, outcome);
            p.setString(4, message);
            p.execute();
        }
    }

    private static void metric(Connection c, String key, String name, double v) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO metrics VALUES (?, ?, ?)")) {
            p.setString(1, key);
            p.setString(2, name);
            p.setDouble(3, v);
            p.execute();
        }
    }

    private static void insert(PreparedStatement p, String key, String name, int i, double x, double y)
            throws Exception {
        p.setString(1, key);
        p.setString(2, name);
        p.setInt(3, i);
        p.setDouble(4, x);
        p.setDouble(5, y);
        p.execute();
    }
}
