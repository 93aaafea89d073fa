package org.flowscape.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.flowscape.experiment.Provenance;
import org.flowscape.experiment.RunSpec;
import org.flowscape.linalg.LinearAlgebra;

/**
 * What one Spark task does with its partition of runs: runs them one after another ({@link RunTask}) with native
 * BLAS on one thread (as the local runner's workers do, so that sums are taken in the same order) and streams
 * each finished run's rows into one Parquet file per table in the batch's staging directory
 * ({@code STAGING/TABLE/part-PARTITION-ATTEMPT-BATCH.parquet}). Files of a failed or superseded task attempt stay in
 * staging and are deleted with it; only the files a successful attempt reports are committed. Memory: one run's
 * records at a time plus the writers' row-group buffers.
 */
final class PartitionTask {
    private PartitionTask() {
    }

    /**
     * Runs the partition's runs.
     *
     * @param partition the partition index
     * @param specs the partition's runs
     * @param lookup finds each run's analysis
     * @param limitSeconds per-run time limit, 0 for none
     * @param staging the batch's staging directory (on a file system the driver sees at the same path)
     * @return the files written, with their row counts
     */
    static Iterator<StagedFile> run(int partition, Iterator<RunSpec> specs, AnalysisLookup lookup,
            double limitSeconds, String staging) {
        TaskContext task = TaskContext.get();
        Path dir = Path.of(staging);
        String suffix = String.format(java.util.Locale.ROOT, "part-%05d-%d-%d-%s.parquet", partition,
                task == null ? 0 : task.stageAttemptNumber(), task == null ? 0 : task.attemptNumber(),
                dir.getFileName());
        Map<StoreTable, ParquetTableWriter> writers = new EnumMap<>(StoreTable.class);
        try {
            LinearAlgebra.setThreads(1);
            Provenance here = Provenance.current();
            while (specs.hasNext()) {
                Map<StoreTable, List<Row>> result = RunTask.run(specs.next(), lookup, limitSeconds, here);
                for (StoreTable table : TABLES) {
                    for (Row row : result.getOrDefault(table, List.of())) {
                        writer(writers, table, dir, suffix).write(row);
                    }
                }
            }
            List<StagedFile> files = new ArrayList<>();
            for (Map.Entry<StoreTable, ParquetTableWriter> e : writers.entrySet()) {
                e.getValue().close();
                files.add(new StagedFile(e.getKey(), suffix, e.getValue().rows()));
            }
            return files.iterator();
        } catch (IOException e) {
            writers.values().forEach(PartitionTask::closeQuietly);
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ParquetTableWriter w) {
        try {
            w.close();
        } catch (IOException | RuntimeException ignored) {
            // the attempt has failed already; its staged files are discarded
        }
    }

    private static final List<StoreTable> TABLES = concat();

    private static List<StoreTable> concat() {
        List<StoreTable> t = new ArrayList<>(StoreTable.RECORDS);
        t.add(StoreTable.RUNS);
        return List.copyOf(t);
    }

    private static ParquetTableWriter writer(Map<StoreTable, ParquetTableWriter> writers, StoreTable table,
            Path staging, String name) throws IOException {
        ParquetTableWriter w = writers.get(table);
        if (w == null) {
            Path dir = Files.createDirectories(staging.resolve(table.tableName()));
            w = new ParquetTableWriter(table, dir.resolve(name));
            writers.put(table, w);
        }
        return w;
    }
}
