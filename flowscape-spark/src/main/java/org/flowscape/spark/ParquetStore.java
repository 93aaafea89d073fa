package org.flowscape.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;

/**
 * The Parquet form of the store: one directory of Parquet files per table, {@code DIR/parquet/TABLE/*.parquet},
 * each file with exactly the columns of {@link StoreTable}. Files are only ever added, and a batch of runs becomes
 * visible as a whole: its tasks write into {@code DIR/.parquet-staging/BATCH/}, and {@link #commit} first writes a
 * list of the batch's files, then moves the record files into their tables and the {@code runs} files last. A study
 * killed before the list exists leaves only staging (discarded by {@link #recover}); one killed during the moves is
 * finished by {@link #recover}. So a run is in {@code runs} only if all its records are stored, and a resumed study
 * never duplicates records. {@code DIR} is on the local file system, or on one every Spark worker mounts at the
 * same path.
 */
public final class ParquetStore {
    private static final String COMMIT_LIST = "COMMIT";

    private final Path study;
    private final Path root;

    /**
     * The store in {@code studyDir} (its {@code parquet/} sub-directory is created on first write). Everything here
     * runs on the driver; the Spark tasks only write into staging.
     *
     * @param studyDir the study directory
     */
    public ParquetStore(Path studyDir) {
        this.study = studyDir.toAbsolutePath().normalize();
        this.root = study.resolve("parquet");
    }

    /** The directory holding {@code table}'s files. */
    public Path directory(StoreTable table) {
        return root.resolve(table.tableName());
    }

    /** Whether {@code table} has been written (its directory holds at least one Parquet file). */
    public boolean exists(StoreTable table) throws IOException {
        return !parquetFiles(directory(table)).isEmpty();
    }

    /** The keys of the runs whose {@code runs} row is stored; empty when there is none. Read on the driver. */
    public Set<String> finishedKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (List<Object> row : query(StoreTable.RUNS, "run_key")) {
            keys.add((String) row.get(0));
        }
        return keys;
    }

    /** The stored {@code study} row (name, spec_yaml, seed, scale), or empty when there is none. */
    public Optional<List<Object>> study() throws IOException {
        return query(StoreTable.STUDY, "name, spec_yaml, seed, scale").stream().findFirst();
    }

    /** The rows of {@code SELECT columns} over {@code table}'s files, read with DuckDB; empty when none. */
    private List<List<Object>> query(StoreTable table, String columns) throws IOException {
        if (!exists(table)) {
            return List.of();
        }
        String glob = directory(table).resolve("*.parquet").toString().replace("'", "''");
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + columns + " FROM read_parquet('" + glob + "')")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read " + directory(table) + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** A new, empty staging directory for one batch of runs. */
    public Path newBatch() throws IOException {
        return Files.createDirectories(study.resolve(".parquet-staging").resolve("batch-" + UUID.randomUUID()));
    }

    /**
     * Makes a batch's files part of the store: writes the commit list, moves the record files into their tables,
     * then the {@code runs} files, then deletes the batch directory.
     *
     * @param batch the batch's staging directory
     * @param files the files the batch's successful tasks wrote
     */
    public void commit(Path batch, List<StagedFile> files) throws IOException {
        writeCommitList(batch, files);
        finish(batch);
        removeStagingIfEmpty();
    }

    /** The first step of {@link #commit}: from here on the batch counts as committed (visible to tests). */
    void writeCommitList(Path batch, List<StagedFile> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (StagedFile f : files) {
            lines.add(f.table().tableName() + "/" + f.name());
        }
        Path list = batch.resolve(COMMIT_LIST);
        Files.write(batch.resolve(COMMIT_LIST + ".tmp"), lines);
        Files.move(batch.resolve(COMMIT_LIST + ".tmp"), list, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Cleans up after a study that was killed: finishes the moves of every batch with a commit list and discards
     * every batch without one.
     *
     * @return the number of batches found
     */
    public int recover() throws IOException {
        Path staging = study.resolve(".parquet-staging");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        List<Path> batches;
        try (Stream<Path> s = Files.list(staging)) {
            batches = s.filter(Files::isDirectory).toList();
        }
        for (Path batch : batches) {
            if (Files.exists(batch.resolve(COMMIT_LIST))) {
                finish(batch);
            } else {
                deleteTree(batch);
            }
        }
        removeStagingIfEmpty();
        return batches.size();
    }

    private void removeStagingIfEmpty() throws IOException {
        try {
            Files.deleteIfExists(study.resolve(".parquet-staging"));
        } catch (java.nio.file.DirectoryNotEmptyException another) {
            // another batch is staged; recover() deals with it
        }
    }

    /**
     * Writes {@code rows} as a table's first file when the table has none yet (so that every table of the schema
     * can be read, even one no run wrote to); does nothing otherwise.
     */
    public void createIfAbsent(StoreTable table, List<Row> rows) throws IOException {
        if (exists(table)) {
            return;
        }
        Path dir = Files.createDirectories(directory(table));
        String name = "part-00000-" + UUID.randomUUID() + ".parquet";
        Path tmp = dir.resolve("." + name + ".tmp");
        ParquetTableWriter.writeFile(table, tmp, rows);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void finish(Path batch) throws IOException {
        List<String> listed = Files.readAllLines(batch.resolve(COMMIT_LIST));
        for (boolean runs : new boolean[] {false, true}) {
            for (String entry : listed) {
                boolean isRuns = entry.startsWith(StoreTable.RUNS.tableName() + "/");
                Path from = batch.resolve(entry);
                if (isRuns == runs && Files.exists(from)) {
                    Path to = root.resolve(entry);
                    Files.createDirectories(to.getParent());
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        deleteTree(batch);
    }

    private static List<Path> parquetFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
