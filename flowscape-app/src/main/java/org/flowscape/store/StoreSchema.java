package org.flowscape.store;

import java.util.List;

/** The store's tables, schema version {@value #VERSION} ({@code docs/store.md}): names and DDL. */
public final class StoreSchema {
    /** The schema version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    /** The database file in a study directory. */
    public static final String FILE = "results.duckdb";

    /** Every table, in the order of {@code docs/store.md}. */
    public static final List<String> TABLES = List.of("schema_info", "study", "runs", "metrics", "series", "spectra",
            "critical_points", "basins", "grids");

    /** The record tables (every row carries a {@code run_key}). */
    public static final List<String> RECORD_TABLES = TABLES.subList(3, TABLES.size());

    /** The column definitions of each table, in {@link #TABLES} order. */
    private static final List<String> COLUMNS = List.of(
            "version INTEGER, created_at TIMESTAMP, flowscape_version VARCHAR",
            "name VARCHAR, spec_yaml VARCHAR, seed BIGINT, scale VARCHAR",
            "run_key VARCHAR PRIMARY KEY, analysis VARCHAR, params_json VARCHAR, seed BIGINT, outcome VARCHAR, "
                    + "message VARCHAR, started_at TIMESTAMP, wall_ms DOUBLE, code_version VARCHAR, jdk VARCHAR, "
                    + "backend VARCHAR, tolerances_json VARCHAR",
            "run_key VARCHAR, name VARCHAR, value DOUBLE",
            "run_key VARCHAR, name VARCHAR, idx INTEGER, x DOUBLE, y DOUBLE",
            "run_key VARCHAR, name VARCHAR, idx INTEGER, value DOUBLE, weight DOUBLE",
            "run_key VARCHAR, idx INTEGER, loss DOUBLE, grad_norm DOUBLE, morse_index INTEGER, nullity INTEGER, "
                    + "orbit_dim INTEGER, efficient BOOLEAN, certified BOOLEAN, cert_radius DOUBLE, "
                    + "lambda_min DOUBLE, lambda_max DOUBLE",
            "run_key VARCHAR, init INTEGER, width INTEGER, data VARCHAR, basin_value DOUBLE, kkt_gap DOUBLE, "
                    + "final_loss DOUBLE",
            "run_key VARCHAR, name VARCHAR, i INTEGER, j INTEGER, x DOUBLE, y DOUBLE, value DOUBLE");

    private StoreSchema() {
    }

    /** {@code CREATE TABLE IF NOT EXISTS} statements for every table, in {@link #TABLES} order. */
    public static List<String> ddl() {
        return TABLES.stream().map(StoreSchema::ddl).toList();
    }

    /** The {@code CREATE TABLE IF NOT EXISTS} statement of {@code table} (one of {@link #TABLES}). */
    public static String ddl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + COLUMNS.get(TABLES.indexOf(table)) + ")";
    }
}
