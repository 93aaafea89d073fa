package org.flowscape.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet form of the store: one directory of Parquet files per table, {@code DIR/parquet/TABLE/}, each file
 * with exactly the columns of {@link StoreTable}. Files are only ever added (Spark's append commit), except when a
 * resumed study removes the records of runs that never got their {@code runs} row (see {@link #pruneUnfinished}).
 * {@code DIR} is on the local file system, or on a file system every Spark worker mounts at the same path.
 */
public final class ParquetStore {
    private final SparkSession spark;
    private final Path root;

    /**
     * The store in {@code studyDir} (its {@code parquet/} sub-directory is created on first write).
     *
     * @param spark the session that reads and writes
     * @param studyDir the study directory
     */
    public ParquetStore(SparkSession spark, Path studyDir) {
        this.spark = spark;
        this.root = studyDir.toAbsolutePath().normalize().resolve("parquet");
    }

    /** The directory holding {@code table}'s files. */
    public Path directory(StoreTable table) {
        return root.resolve(table.tableName());
    }

    /** Whether {@code table} has been written (its directory holds at least one Parquet file). */
    public boolean exists(StoreTable table) {
        Path dir = directory(table);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code table}'s rows with the store's columns; reads the files lazily. */
    public Dataset<Row> read(StoreTable table) {
        return spark.read().schema(table.schema()).parquet(uri(table));
    }

    /** The keys of the runs whose {@code runs} row is stored; empty when there is none. */
    public Set<String> finishedKeys() {
        if (!exists(StoreTable.RUNS)) {
            return Set.of();
        }
        return new HashSet<>(read(StoreTable.RUNS).select("run_key").as(Encoders.STRING()).collectAsList());
    }

    /**
     * Appends {@code rows} to {@code table} as new Parquet files (one per partition of {@code rows}).
     *
     * @param rows rows with exactly {@code table}'s columns
     */
    public void append(StoreTable table, JavaRDD<Row> rows) {
        spark.createDataFrame(rows, table.schema()).write().mode(SaveMode.Append).parquet(uri(table));
    }

    /** Writes the one-row table {@code table} (schema_info, study) as a single file, replacing what was there. */
    public void replace(StoreTable table, Row row) {
        spark.createDataFrame(List.of(row), table.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(uri(table));
    }

    /**
     * Removes the records of runs not in {@code finished}: a run's records are written before its {@code runs} row,
     * so a study killed between the two leaves records that a resume would otherwise duplicate. Rewrites only the
     * tables that hold such rows (into a sibling directory, then swapped in).
     *
     * @param finished the keys with a stored {@code runs} row
     * @return the number of rows removed
     */
    public long pruneUnfinished(Set<String> finished) {
        Dataset<Row> keys = spark.createDataset(List.copyOf(finished), Encoders.STRING()).toDF("run_key");
        long removed = 0;
        for (StoreTable table : StoreTable.RECORDS) {
            if (!exists(table)) {
                continue;
            }
            Dataset<Row> all = read(table);
            Dataset<Row> kept = all.join(keys, all.col("run_key").equalTo(keys.col("run_key")), "left_semi");
            long orphans = all.count() - kept.count();
            if (orphans > 0) {
                Path tmp = root.resolve(table.tableName() + ".pruned");
                kept.write().mode(SaveMode.Overwrite).parquet(tmp.toUri().toString());
                deleteTree(directory(table));
                move(tmp, directory(table));
                removed += orphans;
            }
        }
        return removed;
    }

    private String uri(StoreTable table) {
        return directory(table).toUri().toString();
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
