package org.flowscape.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application's packages depend one way: a scan of every main source file's imports and fully qualified names
 * ({@code org.flowscape.x.Y}) finds no package that reaches itself again. In particular {@code experiment} (plans,
 * runs, row types) and {@code store} (which writes those rows) do not import each other both ways, and the
 * operations layer imports neither the commands nor the study runner.
 */
class PackageCycleTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.flowscape(?:\\.[a-z]\\w*)+)\\.[A-Z*]");

    @Test
    void applicationPackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).containsKeys("org.flowscape.experiment", "org.flowscape.store", "org.flowscape.runner");
        for (String start : graph.keySet()) {
            assertThat(path(graph, start, start)).as("a cycle through " + start).isEmpty();
        }
    }

    @Test
    void storeReadsExperimentRowsAndExperimentDoesNotImportStore() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertThat(graph.get("org.flowscape.store")).contains("org.flowscape.experiment");
        assertThat(graph.get("org.flowscape.experiment")).doesNotContain("org.flowscape.store");
    }

    @Test
    void operationsDependOnNeitherCommandsNorStudies() throws IOException {
        Map<String, Set<String>> graph = graph();
        for (String p : graph.keySet()) {
            if (p.startsWith("org.flowscape.operation")) {
                assertThat(graph.get(p)).as(p).noneMatch(q -> q.startsWith("org.flowscape.cli")
                        || q.startsWith("org.flowscape.experiment.analyses") || q.startsWith("org.flowscape.runner")
                        || q.startsWith("org.flowscape.reproduce") || q.startsWith("org.flowscape.store"));
            }
        }
    }

    /** Package → the application packages its main sources name (itself excluded). */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(MAIN)) {
            files = s.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher pm = PACKAGE.matcher(text);
            if (!pm.find()) {
                continue;
            }
            String pkg = pm.group(1);
            Set<String> out = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    out.add(m.group(1));
                }
            }
        }
        graph.values().forEach(s -> s.retainAll(graph.keySet()));
        return graph;
    }

    /** A path from {@code from} to {@code to} of at least one edge, or empty. */
    private static List<String> path(Map<String, Set<String>> graph, String from, String to) {
        List<String> stack = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        return search(graph, from, to, stack, seen) ? stack : List.of();
    }

    private static boolean search(Map<String, Set<String>> graph, String at, String to, List<String> stack,
            Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            stack.add(next);
            if (next.equals(to) || (seen.add(next) && search(graph, next, to, stack, seen))) {
                return true;
            }
            stack.remove(stack.size() - 1);
        }
        return false;
    }
}
