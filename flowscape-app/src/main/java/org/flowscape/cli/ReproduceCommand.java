package org.flowscape.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscape.reproduce.Claim;
import org.flowscape.reproduce.ClaimResult;
import org.flowscape.reproduce.Claims;
import org.flowscape.reproduce.Invocation;
import org.flowscape.reproduce.ReproduceReport;
import org.flowscape.reproduce.Reproduction;
import org.flowscape.reproduce.Scale;
import org.flowscape.reproduce.Verdict;
import org.flowscape.reproduce.VerdictStore;
import org.flowscape.store.StoreSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowscape reproduce}: runs the claims of papers A–D ({@code docs/reproduce.md}) at a scale, prints one line
 * per claim as it is decided, writes the report and prints its path. Exit 0 when every claim was decided (holds or
 * fails), 3 when any was inconclusive.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce the claims of the four papers (docs/theory.md) and write an HTML report with "
                + "verdicts.",
            "Example: flowscape reproduce --scale smoke --out repro"})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--paper", paramLabel = "P", defaultValue = "all",
            description = "A, B, C, D or all (default ${DEFAULT-VALUE}).")
    private String paper;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "default",
            description = "smoke (about a minute), default (at most 15 minutes), full (the papers' sizes); "
                    + "default ${DEFAULT-VALUE}.")
    private String scale;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reproduce-report",
            description = "Directory for report.html, results.json and the study store results.duckdb (default "
                    + "${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Claims run in parallel on N threads (default: "
            + "the available processors).")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed (default "
            + "${DEFAULT-VALUE}); each claim's seed is derived from it and the claim's id.")
    private long seed;

    @Override
    @SuppressWarnings("try") // the lock is held for the try block's duration, never referenced inside it
    public Integer call() throws Exception {
        Scale s = Scale.parse(scale);
        List<Claim> claims = Claims.ofPaper(paper);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + n);
        }
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("paper " + paper
                    + " has no claims in this build; use A, B, C, D or all");
        }
        try (AutoCloseable lock = Reproduction.lock(out)) {
            Reproduction.clearPrevious(out); // every argument is checked before the header is printed
            return reproduce(s, claims, n);
        }
    }

    private int reproduce(Scale s, List<Claim> claims, int n) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "reproduce: %d claims at scale %s on %d threads, seed %d%n", claims.size(), s.label(),
                n, seed);
        o.flush();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        int[] done = {0};
        List<ClaimResult> results = Reproduction.runStored(claims, s, seed, n, out, r -> {
            done[0]++;
            o.printf(Locale.ROOT, "[%d/%d] %-3s %-12s %6.1f s  %s%n", done[0], claims.size(), r.claim().id(),
                    r.verdict().label(), r.seconds(), r.judgement().deciding());
            o.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        String command = "flowscape reproduce --paper " + paper + " --scale " + s.label() + " --threads " + n
                + " --seed " + seed + " --out " + out;
        Invocation invocation = Invocation.here(command, s, seed, n, started, seconds);
        Path page = ReproduceReport.write(out, results, invocation);
        VerdictStore.write(out, results, invocation);
        var counts = ReproduceReport.counts(results);
        o.printf(Locale.ROOT, "%d hold, %d fail, %d inconclusive in %.1f s%n", counts.get(Verdict.HOLDS),
                counts.get(Verdict.FAILS), counts.get(Verdict.INCONCLUSIVE), seconds);
        o.println("report: " + page.toAbsolutePath());
        o.println("store: " + out.resolve(StoreSchema.FILE).toAbsolutePath());
        return counts.get(Verdict.INCONCLUSIVE) > 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }
}
