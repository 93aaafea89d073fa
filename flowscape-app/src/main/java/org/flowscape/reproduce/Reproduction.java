package org.flowscape.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RunResult;
import org.flowscape.experiment.StudyExecutor;
import org.flowscape.experiment.StudyPlan;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;
import org.flowscape.runner.LocalExecutor;
import org.flowscape.store.StoreReader;
import org.flowscape.store.StoreSchema;

/**
 * Runs claims on a fixed thread pool. Each claim's seed is {@code Seeds.derive(seed, "reproduce/" + id, 0)}, so the
 * results do not depend on the thread count or on which claims run beside it. A computation that throws is recorded
 * as {@link Outcome#FAILED} and judged inconclusive (the message is the deciding text).
 */
public final class Reproduction {
    private Reproduction() {
    }

    /** The run of {@code claim} at {@code scale} under the root {@code seed}. */
    public static RunSpec spec(Claim claim, Scale scale, long seed) {
        return new RunSpec("reproduce/" + claim.id() + "/" + scale.label(), claim.id(), claim.sizes(scale),
                Seeds.derive(seed, "reproduce/" + claim.id(), 0), claim.tolerances());
    }

    /**
     * Runs every claim and returns the results in the order of {@code claims}; {@code progress} hears of each result
     * as it finishes (from the finishing thread, one call at a time).
     */
    public static List<ClaimResult> run(List<Claim> claims, Scale scale, long seed, int threads,
            Consumer<ClaimResult> progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "reproduce");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ClaimResult>> futures = new ArrayList<>();
            for (Claim c : claims) {
                futures.add(pool.submit(() -> {
                    ClaimResult r = runOne(c, scale, seed);
                    synchronized (progress) {
                        progress.accept(r);
                    }
                    return r;
                }));
            }
            List<ClaimResult> out = new ArrayList<>();
            for (Future<ClaimResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("claim runner failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs every claim as one study stored in {@code dir/results.duckdb} (schema {@code docs/store.md}; study name
     * {@code reproduce}, one run per claim with run key {@code reproduce/ID/SCALE}) through the local executor, and
     * judges each claim on the records of its run as committed to the store. Results come back in the order of
     * {@code claims}; {@code progress} hears of each as it is committed. {@code dir} must hold no store yet.
     */
    public static List<ClaimResult> runStored(List<Claim> claims, Scale scale, long seed, int threads, Path dir,
            Consumer<ClaimResult> progress) throws Exception {
        Map<String, Claim> byId = new java.util.LinkedHashMap<>();
        List<RunSpec> runs = new ArrayList<>();
        for (Claim c : claims) {
            byId.put(c.id(), c);
            runs.add(spec(c, scale, seed));
        }
        Map<String, ClaimResult> done = new ConcurrentHashMap<>();
        LocalExecutor executor = new LocalExecutor(id -> {
            Claim c = byId.get(id);
            if (c == null) {
                throw new IllegalArgumentException("unknown claim '" + id + "'");
            }
            return c.analysis();
        }, r -> {
            ClaimResult cr = judged(byId.get(r.spec().analysis()), scale, r);
            done.put(cr.claim().id(), cr);
            synchronized (progress) {
                progress.accept(cr);
            }
        });
        StudyPlan plan = new StudyPlan("reproduce", seed, scale.label(), studyText(claims, scale, seed), runs);
        executor.execute(plan, dir, new StudyExecutor.ExecutionOptions(Math.max(1, threads), false, 0, false));
        return claims.stream().map(c -> done.get(c.id())).toList();
    }

    /**
     * Makes room for a new run in {@code dir}: deletes the store of an earlier reproduction there, finished or
     * interrupted, recognised by what reproduce wrote into it (a study row named {@code reproduce} whose spec starts
     * {@code command: reproduce}) or by holding no runs at all; refuses a store that another study wrote, and one
     * that another process has open (DuckDB's lock). Call it while holding {@link #lock}.
     *
     * @throws IllegalArgumentException naming the directory when it holds another study's store or one in use
     */
    public static void clearPrevious(Path dir) throws java.io.IOException {
        Path store = dir.resolve(StoreSchema.FILE);
        if (!java.nio.file.Files.exists(store)) {
            return;
        }
        if (java.nio.file.Files.size(store) == 0 || !writtenByReproduce(dir)) { // an empty file is no store of ours
            throw new IllegalArgumentException(dir + " holds a study store (" + StoreSchema.FILE + ") that "
                    + "reproduce did not write; choose another --out DIR");
        }
        java.nio.file.Files.delete(store);
        java.nio.file.Files.deleteIfExists(dir.resolve(StoreSchema.FILE + ".wal"));
    }

    /** Whether the store in {@code dir} was written by reproduce or holds no runs (opening it honours its lock). */
    static boolean writtenByReproduce(Path dir) throws java.io.IOException {
        if (StoreReader.holdsNoTables(dir.resolve(StoreSchema.FILE))) {
            return true;
        }
        try (StoreReader r = StoreReader.open(dir)) {
            boolean ours = r.hasTable("study") && r.strings("SELECT spec_yaml FROM study WHERE name = 'reproduce'")
                    .stream().anyMatch(t -> t.startsWith("command: reproduce"));
            boolean empty = !r.hasTable("runs") || r.doubles("SELECT count(*) FROM runs")[0] == 0;
            return ours || empty;
        }
    }

    /**
     * Takes the lock of reproduction directory {@code dir} (creating it and {@code dir/.reproduce.lock}), held until
     * the returned handle is closed, so that two reproductions never write or delete one store at once.
     *
     * @throws IllegalArgumentException when another reproduce (in this or another process) holds it
     */
    public static AutoCloseable lock(Path dir) {
        java.nio.channels.FileChannel ch = null;
        try {
            org.flowscape.store.ResultStore.prepareDirectory(dir);
            ch = java.nio.channels.FileChannel.open(dir.resolve(".reproduce.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock l = ch.tryLock();
            if (l != null) {
                java.nio.channels.FileChannel held = ch;
                return held::close;
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // held by another reproduce in this JVM
        } catch (java.io.IOException e) {
            closeQuietly(ch);
            throw new java.io.UncheckedIOException(e);
        }
        closeQuietly(ch);
        throw new IllegalArgumentException(dir + " is in use by another reproduce (it holds " + dir.resolve(
                ".reproduce.lock") + "); wait for it to finish, or choose another --out DIR");
    }

    private static void closeQuietly(java.nio.channels.FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (java.io.IOException ignored) {
            // already refusing: the lock message is the one to tell
        }
    }

    /** The text stored as the study's spec: what ran, in YAML. */
    static String studyText(List<Claim> claims, Scale scale, long seed) {
        return "command: reproduce\nscale: " + scale.label() + "\nseed: " + seed + "\nclaims: ["
                + String.join(", ", claims.stream().map(Claim::id).toList()) + "]\n";
    }

    /** The claim's result judged on the stored run's records (a failed run is judged inconclusive). */
    static ClaimResult judged(Claim claim, Scale scale, RunResult run) {
        Records records = Records.of(run.records());
        records.outcome(run.outcome(), run.message());
        Judgement j;
        List<Figure> figures = List.of();
        if (run.outcome() == Outcome.FAILED || run.outcome() == Outcome.TIMEOUT) {
            j = Judgement.of(Verdict.INCONCLUSIVE, "computation " + run.outcome().name().toLowerCase(
                    java.util.Locale.ROOT) + ": " + run.message(), List.of());
        } else {
            try {
                j = claim.judge(records, run.spec().tolerances());
                figures = claim.figures(records);
            } catch (RuntimeException e) {
                j = Judgement.of(Verdict.INCONCLUSIVE, "verdict failed: " + e, List.of());
            }
        }
        return new ClaimResult(claim, scale, run.spec(), records, j, figures, run.wallMs() / 1e3);
    }

    /** Runs one claim on the calling thread. */
    public static ClaimResult runOne(Claim claim, Scale scale, long seed) {
        RunSpec spec = spec(claim, scale, seed);
        Records records = new Records();
        long start = System.nanoTime();
        Judgement j;
        List<Figure> figures = List.of();
        try {
            claim.analysis().run(RunContext.of(spec), records);
            j = claim.judge(records, spec.tolerances());
            figures = claim.figures(records);
        } catch (Exception | StackOverflowError e) {
            records.outcome(Outcome.FAILED, String.valueOf(e));
            j = Judgement.of(Verdict.INCONCLUSIVE, "computation failed: " + e, List.of());
        }
        return new ClaimResult(claim, scale, spec, records, j, figures, (System.nanoTime() - start) / 1e9);
    }

    /** Tolerances with overrides applied (unknown names rejected). */
    public static Map<String, Double> tolerances(Claim claim, Map<String, Double> overrides) {
        Map<String, Double> t = new TreeMap<>(claim.tolerances());
        overrides.forEach((k, v) -> {
            if (!t.containsKey(k)) {
                throw new IllegalArgumentException("claim " + claim.id() + " has no tolerance " + k);
            }
            t.put(k, v);
        });
        return t;
    }
}
