package org.flowscape.store;

import java.util.List;

/** The store's tables, schema version {@value #VERSION} ({@code docs/store.md}): the DDL, in creation order. */
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

    private StoreSchema() {
    }

    /** {@code CREATE TABLE IF NOT EXISTS} statements for every table. */
    static List<String> ddl() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER, created_at TIMESTAMP, "
                        + "flowscape_version VARCHAR)",
                "CREATE TABLE IF NOT EXISTS study (name VARCHAR, spec_yaml VARCHAR, seed BIGINT, scale VARCHAR)",
                "CREATE TABLE IF NOT EXISTS runs (run_key VARCHAR PRIMARY KEY, analysis VARCHAR, params_json VARCHAR, "
                        + "seed BIGINT, outcome VARCHAR, message VARCHAR, started_at TIMESTAMP, wall_ms DOUBLE, "
                        + "code_version VARCHAR, jdk VARCHAR, backend VARCHAR, tolerances_json VARCHAR)",
                "CREATE TABLE IF NOT EXISTS metrics (run_key VARCHAR, name VARCHAR, value DOUBLE)",
                "CREATE TABLE IF NOT EXISTS series (run_key VARCHAR, name VARCHAR, idx INTEGER, x DOUBLE, y DOUBLE)",
                "CREATE TABLE IF NOT EXISTS spectra (run_key VARCHAR, name VARCHAR, idx INTEGER, value DOUBLE, "
                        + "weight DOUBLE)",
                "CREATE TABLE IF NOT EXISTS critical_points (run_key VARCHAR, idx INTEGER, loss DOUBLE, "
                        + "grad_norm DOUBLE, morse_index INTEGER, nullity INTEGER, orbit_dim INTEGER, "
                        + "efficient BOOLEAN, certified BOOLEAN, cert_radius DOUBLE, lambda_min DOUBLE, "
                        + "lambda_max DOUBLE)",
                "CREATE TABLE IF NOT EXISTS basins (run_key VARCHAR, init INTEGER, width INTEGER, data VARCHAR, "
                        + "basin_value DOUBLE, kkt_gap DOUBLE, final_loss DOUBLE)",
                "CREATE TABLE IF NOT EXISTS grids (run_key VARCHAR, name VARCHAR, i INTEGER, j INTEGER, x DOUBLE, "
                        + "y DOUBLE, value DOUBLE)");
    }
}
