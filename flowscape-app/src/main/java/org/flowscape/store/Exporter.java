package org.flowscape.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code flowscape export}: copies every table of a study's store with DuckDB's {@code COPY ... TO} (no network
 * needed) as {@code DIR/parquet/TABLE/data.parquet} (the layout the Spark executor writes and
 * {@link StoreReader} reads) or {@code DIR/csv/TABLE.csv} (with a header line).
 */
public final class Exporter {
    /** The export formats. */
    public enum Format {
        /** Apache Parquet, one directory per table. */
        PARQUET,
        /** Comma-separated values with a header, one file per table. */
        CSV
    }

    private Exporter() {
    }

    /**
     * Exports the store of {@code dir}.
     *
     * @return the files written, in table order
     * @throws IllegalArgumentException when {@code dir} holds no store, or a Parquet export of a store that is
     *     itself read from Parquet (nothing to do)
     */
    public static List<Path> export(Path dir, Format format) throws IOException, SQLException {
        try (StoreReader reader = StoreReader.open(dir)) {
            if (reader.fromParquet() && format == Format.PARQUET) {
                throw new IllegalArgumentException(dir + " holds only a Parquet export (no " + StoreSchema.FILE
                        + "), which is already the Parquet form; use --format csv");
            }
            List<Path> written = new ArrayList<>();
            try (Statement st = reader.connection().createStatement()) {
                for (String table : StoreSchema.TABLES) {
                    Path target = target(dir, format, table);
                    st.execute("COPY (SELECT * FROM " + table + ") TO " + Duck.literal(target) + " ("
                            + (format == Format.PARQUET ? "FORMAT parquet" : "FORMAT csv, HEADER true") + ")");
                    written.add(target);
                }
            }
            return written;
        }
    }

    private static Path target(Path dir, Format format, String table) throws IOException {
        String sub = format.name().toLowerCase(Locale.ROOT);
        Path base = ResultStore.prepareDirectory(dir.resolve(sub));
        if (format == Format.CSV) {
            return base.resolve(table + ".csv");
        }
        Path tableDir = Files.createDirectories(base.resolve(table));
        try (Stream<Path> old = Files.list(tableDir)) {
            for (Path f : old.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.delete(f); // a previous export's files: the directory must hold this export only
            }
        }
        return tableDir.resolve("data.parquet");
    }
}
