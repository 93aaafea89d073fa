package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./flowscape ...} line in a fenced code block of README.md and docs/*.md runs as written and exits 0,
 * in this JVM (about 30 s in all). The lines of one file run in order, so a {@code --resume} example sees the run
 * before it. Two adaptations, because a test cannot change its working directory: paths under {@code examples/}
 * and {@code docs/} are resolved from the repository root, and outputs under {@code results/} go to a fresh
 * temporary directory per file. Not run here: {@code --executor spark} lines (the Spark module's jars are not on
 * this module's classpath; flowscape-spark's tests run the same study on Spark) and {@code reproduce} (the README's
 * first command, a minute of claims; ReproduceCommandTest runs reproduce in-process).
 */
class DocExamplesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsWritten() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = examples(doc);
            Path results = temp.resolve(doc.getFileName().toString()).resolve("results");
            tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc) + " (" + lines.size() + " examples)", () -> {
                for (String line : lines) {
                    String[] args = arguments(line, results);
                    if (args.length == 0) {
                        continue;
                    }
                    CliRun run = CliRun.of(args);
                    assertThat(run.exit()).as(doc + ": " + line + "\n" + run.describe()).isZero();
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(3);
        return tests.stream();
    }

    /** README.md and every docs/*.md. */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The {@code ./flowscape} lines of the fenced code blocks of {@code doc}, continuations joined. */
    static List<String> examples(Path doc) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        StringBuilder pending = null;
        for (String raw : Files.readAllLines(doc)) {
            if (raw.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                continue;
            }
            String line = raw.strip();
            if (pending == null && !line.startsWith("./flowscape ")) {
                continue;
            }
            pending = pending == null ? new StringBuilder(line) : pending.append(' ').append(line);
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
            } else {
                out.add(pending.toString());
                pending = null;
            }
        }
        return out;
    }

    /** The arguments after {@code ./flowscape}, as a POSIX shell splits them (quotes, comments); empty to skip. */
    static String[] arguments(String line, Path results) {
        List<String> words = ShellWords.split(line);
        if (words.contains("spark") || words.contains("--executor=spark") || words.contains("reproduce")) {
            return new String[0];
        }
        return words.stream().skip(1).map(w -> w
                .replaceAll("(^|[=:,])((?:examples|docs)/)", "$1" + ROOT.toString().replace("\\", "\\\\") + "/$2")
                .replaceAll("(^|[=:,])results/", "$1" + results.toString().replace("\\", "\\\\") + "/"))
                .toArray(String[]::new);
    }
}
