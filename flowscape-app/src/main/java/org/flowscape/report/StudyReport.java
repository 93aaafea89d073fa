package org.flowscape.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.flowscape.store.StoreReader;

/**
 * The report of one study directory: reads its results store ({@link StoreReader}) and builds a self-contained
 * page ({@link HtmlReport}) with provenance, a run summary and the plots each kind of record calls for
 * ({@link StudySections}); {@code docs/report.md} lists the tables, series and metric names read. It reads only
 * the store, never recomputes. Cost: one pass over each table, plus rendering (dominated by heat maps).
 */
public final class StudyReport {
    /** The file name written into the study directory. */
    public static final String FILE = "report.html";

    private StudyReport() {
    }

    /**
     * Builds the report of {@code dir} and writes {@code dir/report.html}.
     *
     * @return the file written
     * @throws IllegalArgumentException when the directory or store is missing or the store is too new
     */
    public static Path write(Path dir) throws IOException {
        HtmlReport page;
        try (StoreReader store = StoreReader.open(dir)) {
            page = build(store);
        }
        return page.write(dir.resolve(FILE));
    }

    /** The page for an open store. */
    public static HtmlReport build(StoreReader store) {
        List<Object[]> study = store.hasTable("study") ? store.rows("SELECT name, seed, scale FROM study LIMIT 1")
                : List.of();
        String name = study.isEmpty() || study.get(0)[0] == null ? "study" : study.get(0)[0].toString();
        HtmlReport page = new HtmlReport("Flowscape study: " + name);
        page.intro("Results read from the study's store; every number below is as stored (NaN = not computed).");
        provenance(page, store, study);
        StudySections.summary(page.section("summary", "Runs"), store);
        StudySections.flows(page, store);
        StudySections.spectra(page, store);
        StudySections.critical(page, store);
        StudySections.slices(page, store);
        StudySections.basins(page, store);
        return page;
    }

    private static void provenance(HtmlReport page, StoreReader store, List<Object[]> study) {
        page.provenance("store", store.source());
        if (!study.isEmpty()) {
            page.provenance("study seed", String.valueOf(study.get(0)[1]));
            page.provenance("scale", String.valueOf(study.get(0)[2]));
        }
        if (store.hasTable("schema_info")) {
            for (Object[] r : store.rows("SELECT version, created_at, flowscape_version FROM schema_info LIMIT 1")) {
                page.provenance("store schema", "version " + r[0] + ", created " + r[1] + " by flowscape " + r[2]);
            }
        }
        page.provenance("code version", distinct(store, "code_version"));
        page.provenance("JDK", distinct(store, "jdk"));
        page.provenance("BLAS backend", distinct(store, "backend"));
        page.provenance("tolerances", distinct(store, "tolerances_json"));
        for (String n : store.notes()) {
            page.provenance("note", n);
        }
    }

    /** The distinct values of a runs column, joined; "(none)" when there are no runs. */
    private static String distinct(StoreReader store, String column) {
        List<String> v = store.strings("SELECT DISTINCT " + column + " FROM runs ORDER BY 1");
        return v.isEmpty() ? "(none)" : String.join(" | ", v);
    }
}
