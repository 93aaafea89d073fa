package org.flowscape.store;

import java.util.List;

/**
 * The store's tables, schema version {@value #VERSION} ({@code docs/store.md}): names and DDL. Version 2 added the
 * {@link #GRAPH_TABLES}; a version-1 store opened for writing gains them and is marked version 2.
 */
public final class StoreSchema {
    /** The schema version this code writes and the newest it reads. */
    public static final int VERSION = 2;

    /**
     * {@link #VERSION} read at run time: code in other modules should call this, because javac inlines the constant
     * into their classes, and a stale incremental build of such a module keeps an old version number.
     */
    public static int version() {
        return VERSION;
    }
    /** The database file in a study directory. */
    public static final String FILE = "results.duckdb";

    /** Every table, in the order of {@code docs/store.md}. */
    public static final List<String> TABLES = List.of("schema_info", "study", "runs", "metrics", "series", "spectra",
            "critical_points", "basins", "grids");

    /** The record tables (every row carries a {@code run_key}). */
    public static final List<String> RECORD_TABLES = TABLES.subList(3, TABLES.size());

    /**
     * The landscape-graph tables (since version 2), written by {@code flowscape graph} ({@link GraphStore}) and not by
     * studies; every row carries the graph's {@code run_key}.
     */
    public static final List<String> GRAPH_TABLES = List.of("graph_info", "graph_minima", "graph_saddles",
            "graph_edges", "graph_barriers", "graph_tree", "graph_rates");

    private static final String POINT = "run_key VARCHAR, id INTEGER, loss DOUBLE, grad_norm DOUBLE, "
            + "morse_index INTEGER, nullity INTEGER, lambda_min DOUBLE, lambda_next DOUBLE, log_det DOUBLE, "
            + "certified BOOLEAN, certified_index INTEGER, certificate VARCHAR, theta_json VARCHAR";

    /** The column definitions of each graph table, in {@link #GRAPH_TABLES} order. */
    private static final List<String> GRAPH_COLUMNS = List.of(
            "run_key VARCHAR, model VARCHAR, data VARCHAR, loss VARCHAR, seed BIGINT, temperature DOUBLE, "
                    + "rate_model VARCHAR, settings_json VARCHAR, energy_step DOUBLE, wall_ms DOUBLE, "
                    + "code_version VARCHAR, jdk VARCHAR, backend VARCHAR",
            POINT,
            POINT,
            "run_key VARCHAR, ts INTEGER, minimum_minus INTEGER, minimum_plus INTEGER, verified BOOLEAN, "
                    + "note VARCHAR",
            "run_key VARCHAR, minimum_a INTEGER, minimum_b INTEGER, height DOUBLE, barrier_a DOUBLE, "
                    + "barrier_b DOUBLE, path VARCHAR, certified BOOLEAN, certified_height DOUBLE",
            "run_key VARCHAR, node INTEGER, height DOUBLE, minimum INTEGER, parent INTEGER",
            "run_key VARCHAR, minimum_from INTEGER, minimum_to INTEGER, rate DOUBLE");

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

    /** {@code CREATE TABLE IF NOT EXISTS} statements for every table, {@link #TABLES} then {@link #GRAPH_TABLES}. */
    public static List<String> ddl() {
        List<String> all = new java.util.ArrayList<>(TABLES.stream().map(StoreSchema::ddl).toList());
        GRAPH_TABLES.forEach(t -> all.add(ddl(t)));
        return all;
    }

    /** The {@code CREATE TABLE IF NOT EXISTS} statement of {@code table} (one of {@link #TABLES}, GRAPH_TABLES). */
    public static String ddl(String table) {
        int graph = GRAPH_TABLES.indexOf(table);
        String columns = graph >= 0 ? GRAPH_COLUMNS.get(graph) : COLUMNS.get(TABLES.indexOf(table));
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")";
    }
}
