package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.report.Figure;
import org.flowscape.rng.Seeds;

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
