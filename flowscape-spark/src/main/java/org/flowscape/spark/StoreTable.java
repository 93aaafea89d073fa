package org.flowscape.spark;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables of the store schema ({@code docs/store.md}; names, columns and version are
 * {@link org.flowscape.store.StoreSchema}'s, checked by a test), with their Spark column types. The mapping is
 * DuckDB {@code VARCHAR} → string, {@code INTEGER} → int, {@code BIGINT} → long, {@code DOUBLE} → double,
 * {@code BOOLEAN} → boolean and {@code TIMESTAMP} → timestamp without time zone (Parquet
 * {@code TIMESTAMP(MICROS, isAdjustedToUTC=false)}, which DuckDB reads back as {@code TIMESTAMP}). Every column is
 * written non-nullable except {@code message}: the schema uses NaN, never NULL, for "not computed".
 */
public enum StoreTable {
    /** One row per store. */
    SCHEMA_INFO("schema_info", col("version", DataTypes.IntegerType), col("created_at", DataTypes.TimestampNTZType),
            col("flowscape_version", DataTypes.StringType)),
    /** One row per store. */
    STUDY("study", col("name", DataTypes.StringType), col("spec_yaml", DataTypes.StringType),
            col("seed", DataTypes.LongType), col("scale", DataTypes.StringType)),
    /** One row per run. */
    RUNS("runs", key(), col("analysis", DataTypes.StringType), col("params_json", DataTypes.StringType),
            col("seed", DataTypes.LongType), col("outcome", DataTypes.StringType), col("message", DataTypes.StringType),
            col("started_at", DataTypes.TimestampNTZType), col("wall_ms", DataTypes.DoubleType),
            col("code_version", DataTypes.StringType), col("jdk", DataTypes.StringType),
            col("backend", DataTypes.StringType), col("tolerances_json", DataTypes.StringType)),
    /** One row per scalar. */
    METRICS("metrics", key(), col("name", DataTypes.StringType), col("value", DataTypes.DoubleType)),
    /** One row per curve point. */
    SERIES("series", key(), col("name", DataTypes.StringType), col("idx", DataTypes.IntegerType),
            col("x", DataTypes.DoubleType), col("y", DataTypes.DoubleType)),
    /** One row per eigenvalue or density node. */
    SPECTRA("spectra", key(), col("name", DataTypes.StringType), col("idx", DataTypes.IntegerType),
            col("value", DataTypes.DoubleType), col("weight", DataTypes.DoubleType)),
    /** One row per critical point. */
    CRITICAL_POINTS("critical_points", key(), col("idx", DataTypes.IntegerType), col("loss", DataTypes.DoubleType),
            col("grad_norm", DataTypes.DoubleType), col("morse_index", DataTypes.IntegerType),
            col("nullity", DataTypes.IntegerType), col("orbit_dim", DataTypes.IntegerType),
            col("efficient", DataTypes.BooleanType), col("certified", DataTypes.BooleanType),
            col("cert_radius", DataTypes.DoubleType), col("lambda_min", DataTypes.DoubleType),
            col("lambda_max", DataTypes.DoubleType)),
    /** One row per initialization. */
    BASINS("basins", key(), col("init", DataTypes.IntegerType), col("width", DataTypes.IntegerType),
            col("data", DataTypes.StringType), col("basin_value", DataTypes.DoubleType),
            col("kkt_gap", DataTypes.DoubleType), col("final_loss", DataTypes.DoubleType)),
    /** One row per grid node. */
    GRIDS("grids", key(), col("name", DataTypes.StringType), col("i", DataTypes.IntegerType),
            col("j", DataTypes.IntegerType), col("x", DataTypes.DoubleType), col("y", DataTypes.DoubleType),
            col("value", DataTypes.DoubleType));

    /** The tables a run writes besides its {@link #RUNS} row, in the order they are written. */
    public static final List<StoreTable> RECORDS = List.of(METRICS, SERIES, SPECTRA, CRITICAL_POINTS, BASINS, GRIDS);

    private final String tableName;
    private final StructType schema;

    StoreTable(String tableName, StructField... columns) {
        this.tableName = tableName;
        this.schema = new StructType(columns);
    }

    /** The table's name in the store, e.g. {@code critical_points}. */
    public String tableName() {
        return tableName;
    }

    /** The table's columns, in the order of {@code docs/store.md}. */
    public StructType schema() {
        return schema;
    }

    private static StructField key() {
        return col("run_key", DataTypes.StringType);
    }

    private static StructField col(String name, DataType type) {
        return DataTypes.createStructField(name, type, "message".equals(name));
    }
}
