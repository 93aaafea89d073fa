package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.flowscape.reproduce.Reproduction;
import org.flowscape.store.StoreReader;
import org.flowscape.store.StoreSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every input of issue 18's "Every input answered", as one table: the command (run in this JVM), the exit code, a
 * pattern for the line that answers it (stderr's one {@code flowscape:} line for a refusal, else stdout), and for
 * the cases that touch a store the number of runs stored before and after (nothing already stored is lost). A
 * refusal must be exactly one stderr line, with no Java class name or stack trace and nothing on stdout.
 */
class EveryInputAnsweredTest {
    static final String DATA = "--data=gaussian:n=50,d=3,seed=2";
    static final Path EXAMPLES = DocExamplesTest.ROOT.resolve("examples");
    static final String MEMORY = "needs about [0-9.]+ [KMGT]B of memory, more than the [0-9.]+ [KMGT]B this JVM may "
            + "use "
            + "\\(its -Xmx\\)";

    @TempDir
    static Path dir;

    /**
     * One case: {@code setup} prepares files in the case's directory and returns the arguments; {@code store} is
     * the study directory whose runs are counted, or null; {@code before}/{@code after} the counts (-1: no store).
     */
    record Case(String name, Function<Path, String[]> setup, int exit, String pattern, String store, long before,
            long after) {
        static Case refused(String name, String pattern, Function<Path, String[]> setup) {
            return new Case(name, setup, ExitCodes.USER_ERROR, pattern, null, -1, -1);
        }

        static Case refused(String name, String pattern, String... args) {
            return refused(name, pattern, d -> args);
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // sizes that cannot fit: refused with the estimate and the limit before anything is allocated
        c.add(Case.refused("P over one array", "mlp:3-2000000000-1:tanh \\(P = 10000000001\\) " + MEMORY,
                "eval", "--model=mlp:3-2000000000-1:tanh", DATA));
        c.add(Case.refused("two wide layers", "mlp:3-100000-100000-1:tanh \\(P = 10000600001\\) " + MEMORY,
                "eval", "--model=mlp:3-100000-100000-1:tanh", DATA));
        c.add(Case.refused("workspace", "evaluating mlp:3-1000-1:tanh on n = 1000000 samples " + MEMORY,
                "eval", "--model=mlp:3-1000-1:tanh", "--data=gaussian:n=1000000,d=3,seed=2"));
        c.add(Case.refused("landscape grid", "a 100000 x 100000 grid has 1.00e\\+10 entries, more than one array",
                "landscape", "--model=mlp:3-8-1:tanh", DATA, "--grid", "100000"));
        c.add(Case.refused("path points", "a path of 2000000000 points " + MEMORY + "; ask for fewer points",
                "path", "--model=mlp:3-8-1:relu", DATA, "--from", EXAMPLES.resolve("inputs/a.json").toString(),
                "--to", EXAMPLES.resolve("inputs/b.json").toString(), "--points", "2000000000"));
        c.add(Case.refused("basins inits", "2000000000 initializations .*" + MEMORY,
                "basins", "--data=clustered:n=20,d=5,clusters=2,seed=1", "--widths", "1", "--inits", "2000000000"));
        c.add(Case.refused("flow samples", "2000000000 sample times .*" + MEMORY,
                "flow", "--model=mlp:3-8-1:tanh", DATA, "--samples", "2000000000"));
        c.add(Case.refused("npz of 1 GB members", "big.npz: npy array \\[[0-9]+, 8\\] needs about [0-9.]+ GB as doubles, "
                + "more than the [0-9.]+ [KMG]B this reader may allocate \\(a quarter of the JVM's -Xmx\\)",
                d -> new String[] {"eval", "--model=mlp:8-2-1:tanh", "--data=npz:"
                        + bigNpz(d)}));
        c.add(Case.refused("csv from /dev/zero", "/dev/zero holds a NUL character, so it is not a text file",
                "eval", "--model=mlp:3-2-1:tanh", "--data=csv:/dev/zero"));
        c.add(Case.refused("params from /dev/zero", "params file .* /dev/zero is larger than the 68.[0-9] KB read",
                "eval", "--model=mlp:3-8-1:tanh", DATA, "--params", "/dev/zero"));
        // values the commands used to accept silently
        c.add(Case.refused("range NaN", "--range must be a positive finite number, got NaN",
                "landscape", "--model=mlp:3-8-1:tanh", DATA, "--range", "NaN"));
        c.add(Case.refused("params trailing text", "params file .*trail.json is not valid JSON \\(unexpected text at "
                + "line 1, column 11\\)", d -> new String[] {"eval", "--model=mlp:1-1-1:tanh",
                        "--data=gaussian:n=5,d=1,seed=1", "--params", write(d, "trail.json", "[1,2,3,4] x")}));
        c.add(Case.refused("power overflow", "the loss cost:\\(x-y\\)\\^99999999999 is (-?Infinity|NaN) at theta "
                + "\\(seed 0\\): it overflows double precision", "eval", "--model=mlp:3-8-1:tanh", DATA,
                "--loss", "cost:(x-y)^99999999999"));
        c.add(Case.refused("exp overflow", "the loss cost:exp\\(1000\\*\\(x-y\\)\\) is Infinity at theta",
                "eval", "--model=mlp:3-8-1:tanh", DATA, "--loss", "cost:exp(1000*(x-y))"));
        // messages
        c.add(Case.refused("NaN in params", "params file .*nan.json is not valid JSON \\(it holds NaN or Infinity at "
                + "line 1, column 5, which JSON cannot hold", d -> new String[] {"eval", "--model=mlp:1-1-1:tanh",
                        "--data=gaussian:n=5,d=1,seed=1", "--params", write(d, "nan.json", "[NaN, 1, 2, 3]")}));
        c.add(Case.refused("120 KB spec",
                "model spec 'mlp:3-x-x.{0,60}\\.\\.\\.\\(12[0-9]{4} characters\\)\\.\\.\\..{0,20}': "
                + "width 'x' must be a positive integer$",
                "eval", "--model=mlp:3-" + "x-".repeat(60_000) + "1:tanh", DATA));
        c.add(Case.refused("write to a directory", "cannot write --csv .*: Is a directory; give a writable file path",
                d -> new String[] {"flow", "--model=mlp:3-8-1:tanh", DATA, "--samples", "3", "--csv",
                        d.toString()}));
        c.add(Case.refused("problem file is a directory", "problem file .* is a directory; give the path of a file",
                d -> new String[] {"eval", "--problem", d.toString()}));
        c.add(Case.refused("study file is a directory", "study file .* is a directory; give the path of a file",
                d -> new String[] {"run", d.toString()}));
        c.add(Case.refused("--threads", "^flowscape: --threads must be >= 1, got 0$",
                "run", EXAMPLES.resolve("studies/quick.yaml").toString(), "--threads", "0"));
        c.add(Case.refused("--time-limit", "^flowscape: --time-limit must be a number of seconds >= 0 .*got -1.0$",
                "run", EXAMPLES.resolve("studies/quick.yaml").toString(), "--time-limit", "-1"));
        // studies
        c.add(new Case("every run fails", d -> new String[] {"run", write(d, "fail.yaml", FAILING), "--out",
                d.resolve("out").toString(), "--threads", "1", "--quiet"}, ExitCodes.USER_ERROR,
                "2 of 2 runs failed, for 1 reason: the data has 3 input column\\(s\\) but the model", "out", -1, 2));
        c.add(new Case("resume with nothing left", d -> {
            runOk("run", write(d, "q.yaml", QUICK), "--out", d.resolve("out").toString(), "--quiet");
            return new String[] {"run", d.resolve("q.yaml").toString(), "--out", d.resolve("out").toString(),
                "--resume", "--quiet"};
        }, ExitCodes.OK, "^study q: nothing left to run; all 2 runs are already stored in ", "out", 2, 2));
        c.add(new Case("resume after a comment", d -> {
            runOk("run", write(d, "q.yaml", QUICK), "--out", d.resolve("out").toString(), "--quiet");
            return new String[] {"run", write(d, "q2.yaml", "# only a comment is new\n" + QUICK), "--out",
                d.resolve("out").toString(), "--resume", "--quiet"};
        }, ExitCodes.OK, "nothing left to run", "out", 2, 2));
        c.add(new Case("critical past its time limit keeps its starts", d -> new String[] {"run",
            write(d, "crit.yaml", CRITICAL), "--out", d.resolve("out").toString(), "--time-limit", "1.5",
            "--quiet"}, ExitCodes.OK,
                "1 of 1 runs stored \\(1 timeout\\)(.|\\n)*timeout: stopped at the time limit after "
                + "[0-9]+ of 50 starts", "out", -1, 1));
        // reproduce directories
        c.add(Case.refused("reproduce bad scale, no header", "^flowscape: unknown scale 'bogus'",
                d -> new String[] {"reproduce", "--scale", "bogus", "--out", d.resolve("r").toString()}));
        c.add(new Case("reproduce into another study's store", d -> {
            runOk("run", write(d, "q.yaml", QUICK), "--out", d.resolve("out").toString(), "--quiet");
            return new String[] {"reproduce", "--paper", "D", "--scale", "smoke", "--out", d.resolve("out")
                    .toString()};
        }, ExitCodes.USER_ERROR, "holds a study store \\(results.duckdb\\) that reproduce did not write", "out", 2, 2));
        c.add(new Case("reproduce into a locked reproduction", d -> {
            reproductionStore(d.resolve("r"));
            HELD.add(Reproduction.lock(d.resolve("r"))); // as a reproduce still running holds it, until the JVM ends
            return new String[] {"reproduce", "--paper", "D", "--scale", "smoke", "--out", d.resolve("r").toString()};
        }, ExitCodes.USER_ERROR, "is in use by another reproduce \\(it holds .*\\.reproduce\\.lock\\); wait for it",
                "r", 2, 2));
        c.add(new Case("reproduce after an interrupted one", d -> {
            reproductionStore(d.resolve("r"));
            return new String[] {"reproduce", "--paper", "D", "--scale", "smoke", "--threads", "2", "--out",
                d.resolve("r").toString()};
        }, ExitCodes.OK, "^reproduce: 3 claims at scale smoke", "r", 2, 7)); // 3 claims, 3 verdicts, 1 invocation
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyInputIsAnswered() {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
    }

    private static void check(Case k) throws Exception {
        Path d = Files.createDirectories(dir.resolve(k.name().replaceAll("\\W+", "-")));
        String[] args = k.setup().apply(d);
        Path store = k.store() == null ? null : d.resolve(k.store());
        assertThat(runs(store)).as("runs stored before").isEqualTo(k.before());
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.describe()).isEqualTo(k.exit());
        String line;
        if (k.exit() == ExitCodes.USER_ERROR) {
            assertThat(run.errLines()).as(run.describe()).hasSize(1);
            line = run.errLines().get(0);
            assertThat(line).startsWith("flowscape: ").doesNotContain("Exception", "at org.", "com.fasterxml");
            if (k.store() == null) {
                assertThat(run.out()).as("nothing on stdout before a refusal").isEmpty();
            }
        } else {
            line = run.out() + messages(store);
        }
        assertThat(Pattern.compile(k.pattern(), Pattern.MULTILINE).matcher(line).find())
                .as("/" + k.pattern() + "/ in\n" + line + "\n" + run.describe()).isTrue();
        assertThat(runs(store)).as("runs stored after").isEqualTo(k.after());
    }

    /** The outcome messages of the runs stored in {@code store}, one per line (empty without a store). */
    static String messages(Path store) throws IOException {
        if (runs(store) < 0) {
            return "";
        }
        try (StoreReader r = StoreReader.open(store)) {
            return "\n" + String.join("\n", r.strings("SELECT outcome || ': ' || message FROM runs"));
        }
    }

    /** The runs stored in study directory {@code store}, or -1 when it holds no store. */
    static long runs(Path store) throws IOException {
        if (store == null || !Files.exists(store.resolve(StoreSchema.FILE))) {
            return -1;
        }
        try (StoreReader r = StoreReader.open(store)) {
            return (long) r.doubles("SELECT count(*) FROM runs")[0];
        }
    }

    @TestFactory
    Stream<DynamicTest> helpAndInternalErrors() {
        return Stream.of(
                DynamicTest.dynamicTest("no picocli warning, no cut sentences", () -> {
                    for (String command : Main.newCommandLine(false).getSubcommands().keySet().stream()
                            .filter(name -> !name.equals("help")).toList()) { // picocli's own help command
                        CliRun help = CliRun.of(command, "--help");
                        assertThat(help.out() + help.err()).as(command).doesNotContain("picocli WARN");
                        for (String p : Main.newCommandLine(false).getSubcommands().get(command).getCommandSpec()
                                .usageMessage().description()) {
                            assertThat(p).as(command).matches("(?s)(.*[.:]|.*Example: .*|flowscape .*)");
                        }
                    }
                    assertThat(CliRun.of("basins", "--help").out()).contains("Wilson 95%");
                }),
                DynamicTest.dynamicTest("out of memory is one internal line", () -> {
                    CommandLine cli = Main.newCommandLine(false).addSubcommand("boom", new Boom());
                    java.io.StringWriter err = new java.io.StringWriter();
                    cli.setErr(new java.io.PrintWriter(err, true));
                    assertThat(Main.execute(cli, "boom")).isEqualTo(ExitCodes.INTERNAL);
                    assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                            .startsWith("flowscape: internal error: ran out of memory (this JVM may use ")
                            .doesNotContain("OutOfMemoryError", "\tat ");
                }));
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    static final String FAILING = "name: f\nseed: 1\nproblem:\n  model: mlp:2-2-1:tanh\n"
            + "  data: gaussian:n=5,d=3,seed=1\nanalyses:\n  - eval\nseeds: [1, 2]\n";
    static final String QUICK = "name: q\nseed: 1\nproblem:\n  model: mlp:2-2-1:tanh\n"
            + "  data: gaussian:n=5,d=2,seed=1\nanalyses:\n  - eval\nseeds: [1, 2]\n";
    static final String CRITICAL = "name: c\nseed: 1\nproblem:\n  model: mlp:5-30-1:tanh\n"
            + "  data: teacher:n=200,d=5,width=3,seed=1\nanalyses:\n  - analysis: critical\n    starts: 50\n"
            + "seeds: [1]\n";

    private static void runOk(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.describe()).isZero();
    }

    private static String write(Path d, String name, String text) {
        try {
            return Files.writeString(d.resolve(name), text, StandardCharsets.UTF_8).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An npz whose members x and y declare at least 1.1 GB of float64 each (at least 134 217 728 entries of 8 bytes),
     * and twice the reader's budget (a quarter of this JVM's -Xmx, which the in-process command shares) where that is
     * more, so the budget refuses whatever heap the test runs with; only the npy headers are written, since the budget
     * refuses at the first header, before any data is read.
     */
    static String bigNpz(Path d) {
        Path p = d.resolve("big.npz");
        long entries = Math.max(1L << 27, Long.highestOneBit(Runtime.getRuntime().maxMemory() / 4 / 8) * 2);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (String[] m : new String[][] {{"x", "(" + entries / 8 + ", 8)"}, {"y", "(" + entries + ", 1)"}}) {
                z.putNextEntry(new ZipEntry(m[0] + ".npy"));
                writeNpyHeader(z, m[1]);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.toString();
    }

    private static void writeNpyHeader(OutputStream out, String shape) throws IOException {
        StringBuilder h = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(new byte[] {(byte) (h.length() & 0xff), (byte) (h.length() >> 8)});
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final List<AutoCloseable> HELD = new ArrayList<>();

    /**
     * What a reproduce killed after its first claims leaves in {@code r}: a store whose study row is the one
     * reproduce writes (name {@code reproduce}, spec {@code command: reproduce ...}) with two runs, and no
     * results.json. Made from a small study, whose study row is then rewritten, to keep the test fast.
     */
    private static void reproductionStore(Path r) {
        runOk("run", write(r.getParent(), "q.yaml", QUICK), "--out", r.toString(), "--quiet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + r.resolve(StoreSchema.FILE));
             var st = c.createStatement()) {
            st.execute("UPDATE study SET name = 'reproduce', spec_yaml = 'command: reproduce\nscale: smoke\n'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
