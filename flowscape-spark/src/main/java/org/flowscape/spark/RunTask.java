package org.flowscape.spark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.RowFactory;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;

/**
 * Runs one {@link RunSpec} in this JVM and turns it into store rows. The analysis's records are kept only when it
 * returns; an exception makes the run {@link Outcome#FAILED} with the exception's message and no records. With a
 * time limit the run's context reports cancellation once the limit has passed (the analysis polls it and reports
 * {@link Outcome#TIMEOUT}).
 */
public final class RunTask {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunTask() {
    }

    /**
     * Runs {@code spec}.
     *
     * @param spec the run
     * @param lookup finds the analysis by {@link RunSpec#analysis()}
     * @param limitSeconds the per-run wall-clock limit; 0 for none
     * @param provenance what to record about this machine
     * @return the run's rows; never throws for a failing analysis
     */
    public static RunResult run(RunSpec spec, AnalysisLookup lookup, double limitSeconds, Provenance provenance) {
        LocalDateTime startedAt = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        long deadline = limitSeconds > 0 ? start + (long) (limitSeconds * 1e9) : Long.MAX_VALUE;
        RunRecords records = new RunRecords(spec.key());
        Outcome outcome;
        String message;
        try {
            Analysis analysis = lookup.byName(spec.analysis());
            analysis.run(new RunContext(spec, () -> System.nanoTime() - deadline > 0), records);
            outcome = records.outcome();
            message = records.message();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            records = new RunRecords(spec.key());
            outcome = Outcome.FAILED;
            message = failure(e);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        return new RunResult(RowFactory.create(spec.key(), spec.analysis(), json(spec.params()), spec.seed(),
                outcome.column(), message, startedAt, wallMs, provenance.codeVersion(), provenance.jdk(),
                provenance.backend(), json(spec.tolerances())), records);
    }

    /** The map as a JSON object with sorted keys, e.g. {@code {"lr":"0.1","width":"8"}}. */
    static String json(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + map + " as JSON", e);
        }
    }

    private static String failure(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
