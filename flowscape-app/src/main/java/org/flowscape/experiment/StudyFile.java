package org.flowscape.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a study file ({@code docs/studies.md}). Every problem is reported as one
 * {@link IllegalArgumentException} whose message names the file, the line and the key path, e.g.
 * {@code study.yaml line 9 (analyses[1].horizn): unknown setting 'horizn' of analysis flow; the settings are ...}.
 */
public final class StudyFile {
    /** The top-level keys. */
    public static final List<String> KEYS = List.of("name", "description", "seed", "problem", "analyses", "sweep",
            "seeds", "tolerances", "scales");
    /** The keys of {@code problem:} (also accepted in an analysis entry, overriding the problem). */
    public static final List<String> PROBLEM_KEYS = List.of("model", "data", "loss", "l2");
    /** The keys of a scale preset. */
    public static final List<String> SCALE_KEYS = List.of("sweep", "seeds", "tolerances", "settings");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String source;

    private StudyFile(String source) {
        this.source = source;
    }

    /** Reads and validates {@code file}. */
    public static Study read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Validates the study written in {@code yaml}; {@code source} names it in messages. */
    public static Study parse(String source, String yaml) {
        return new StudyFile(source).study(YamlNode.parse(source, yaml), yaml);
    }

    private Study study(YamlNode root, String text) {
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error(source, "a study file is a YAML mapping with the keys " + String.join(", ", KEYS)
                    + "; see examples/studies/");
        }
        allowOnly(root, KEYS, "the study");
        String name = nameOf(require(root, "name", "name: my-study"));
        long seed = root.map().containsKey("seed") ? integer(root.map().get("seed")) : 0;
        Map<String, String> problem = root.map().containsKey("problem") ? problem(root.map().get("problem"))
                : Map.of();
        List<Study.Entry> entries = analyses(require(root, "analyses", "analyses: [eval]"), problem);
        Map<String, Integer> sweepLines = new LinkedHashMap<>();
        Map<String, List<String>> sweep = root.map().containsKey("sweep")
                ? sweep(root.map().get("sweep"), sweepLines) : Map.of();
        List<Long> seeds = root.map().containsKey("seeds") ? seeds(root.map().get("seeds")) : List.of(0L);
        Map<String, String> tolerances = root.map().containsKey("tolerances")
                ? tolerances(root.map().get("tolerances")) : Map.of();
        Map<String, Study.Scale> scales = root.map().containsKey("scales")
                ? scales(root.map().get("scales"), sweep.keySet(), entries) : Map.of();
        return new Study(source, text, name, seed, problem, entries, sweep, sweepLines, seeds, tolerances, scales);
    }

    private YamlNode require(YamlNode map, String key, String example) {
        YamlNode v = map.map().get(key);
        if (v == null) {
            throw map.error(source, "missing key '" + key + "'; add it, e.g. " + example);
        }
        return v;
    }

    private void allowOnly(YamlNode map, List<String> allowed, String where) {
        for (Map.Entry<String, YamlNode> e : map.map().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error(source, "unknown key '" + e.getKey() + "' in " + where + "; the allowed keys "
                        + "are " + String.join(", ", allowed));
            }
        }
    }

    private String nameOf(YamlNode n) {
        String s = scalar(n);
        if (!NAME.matcher(s).matches()) {
            throw n.error(source, "'" + s + "' is not a usable name; use letters, digits, '_', '.' and '-', starting "
                    + "with a letter");
        }
        return s;
    }

    private String scalar(YamlNode n) {
        if (!n.isScalar() || n.text().isBlank()) {
            String hint = n.kind() == YamlNode.Kind.MAP ? " (a value starting with '{' must be quoted: \"{name}\")"
                    : "";
            throw n.error(source, "expected one value (a string or number), got " + describe(n) + hint);
        }
        return n.text().strip();
    }

    /** A scalar, or a list of scalars joined with commas (e.g. {@code monitor: [imbalance, pl]}). */
    private String setting(YamlNode n) {
        if (n.kind() == YamlNode.Kind.LIST) {
            List<String> parts = new ArrayList<>();
            n.list().forEach(item -> parts.add(scalar(item)));
            return String.join(",", parts);
        }
        return scalar(n);
    }

    private long integer(YamlNode n) {
        String s = scalar(n);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw n.error(source, "expected an integer, got '" + s + "'");
        }
    }

    private static String describe(YamlNode n) {
        return switch (n.kind()) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case NULL -> "nothing";
            case SCALAR -> "an empty value";
        };
    }

    private Map<String, String> problem(YamlNode n) {
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "problem is a mapping of " + String.join(", ", PROBLEM_KEYS) + ", e.g. "
                    + "model: mlp:2-8-1:tanh");
        }
        allowOnly(n, PROBLEM_KEYS, "problem");
        Map<String, String> m = new LinkedHashMap<>();
        n.map().forEach((k, v) -> m.put(k, scalar(v)));
        return m;
    }

    private List<Study.Entry> analyses(YamlNode n, Map<String, String> problem) {
        if (n.kind() != YamlNode.Kind.LIST || n.list().isEmpty()) {
            throw n.error(source, "analyses is a non-empty list, e.g. analyses: [eval] or '- analysis: flow'");
        }
        List<Study.Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : n.list()) {
            Study.Entry e = entry(item, problem);
            if (!ids.add(e.id())) {
                throw item.error(source, "two analyses have the id '" + e.id() + "'; give one of them 'id: NAME'");
            }
            entries.add(e);
        }
        return entries;
    }

    private Study.Entry entry(YamlNode item, Map<String, String> problem) {
        if (item.isScalar()) {
            Analysis a = analysis(item, scalar(item));
            checkProblem(item, problem, Map.of());
            return new Study.Entry(a.name(), a.name(), Map.of(), Map.of(), item.line(), item.path());
        }
        if (item.kind() != YamlNode.Kind.MAP) {
            throw item.error(source, "an analysis is a name (- eval) or a mapping with 'analysis: NAME'");
        }
        Analysis a = analysis(require(item, "analysis", "analysis: flow"), scalar(item.map().get("analysis")));
        String id = item.map().containsKey("id") ? nameOf(item.map().get("id")) : a.name();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> tolerances = Map.of();
        for (Map.Entry<String, YamlNode> e : item.map().entrySet()) {
            String key = e.getKey();
            if (key.equals("analysis") || key.equals("id")) {
                continue;
            }
            if (key.equals("tolerances")) {
                tolerances = tolerances(e.getValue());
                checkTolerances(e.getValue(), a, tolerances.keySet());
                continue;
            }
            if (!PROBLEM_KEYS.contains(key) && !a.settings().isEmpty() && !a.settings().containsKey(key)) {
                throw e.getValue().error(source, "unknown setting '" + key + "' of analysis " + a.name()
                        + "; its settings are " + String.join(", ", new java.util.TreeSet<>(a.settings().keySet()))
                        + " (and model, data, loss, id, tolerances)");
            }
            if (key.equals("seed")) {
                throw e.getValue().error(source, "an analysis takes no 'seed': runs are seeded from the study seed "
                        + "and the run key; list replicate seeds under the top-level 'seeds:'");
            }
            settings.put(key, setting(e.getValue()));
        }
        checkProblem(item, problem, settings);
        return new Study.Entry(id, a.name(), settings, tolerances, item.line(), item.path());
    }

    private Analysis analysis(YamlNode at, String name) {
        try {
            return Analyses.byName(name);
        } catch (IllegalArgumentException e) {
            throw at.error(source, e.getMessage());
        }
    }

    private void checkProblem(YamlNode at, Map<String, String> problem, Map<String, String> settings) {
        String model = settings.getOrDefault("model", problem.get("model"));
        boolean closedForm = model != null && model.startsWith(org.flowscape.spec.ProblemSpec.CLOSED_FORM);
        for (String key : closedForm ? List.of("model") : List.of("model", "data")) {
            if (!problem.containsKey(key) && !settings.containsKey(key)) {
                throw at.error(source, "no " + key + " for this analysis; put '" + key + ":' under problem: (or in "
                        + "the analysis entry)");
            }
        }
    }

    private void checkTolerances(YamlNode at, Analysis a, Set<String> names) {
        for (String t : names) {
            if (!a.tolerances().isEmpty() && !a.tolerances().containsKey(t)) {
                throw at.map().get(t).error(source, "unknown tolerance '" + t + "' of analysis " + a.name()
                        + "; its tolerances are "
                        + String.join(", ", new java.util.TreeSet<>(a.tolerances().keySet())));
            }
        }
    }

    private Map<String, List<String>> sweep(YamlNode n, Map<String, Integer> lines) {
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "sweep is a mapping of variable names to lists of values, e.g. width: [2, 4, 8]");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
            if (!NAME.matcher(e.getKey()).matches() || e.getKey().equals("seed")) {
                throw e.getValue().error(source, "'" + e.getKey() + "' cannot name a sweep variable; use letters, "
                        + "digits, '_', '.', '-' (and not 'seed': replicate seeds go under 'seeds:')");
            }
            m.put(e.getKey(), values(e.getValue()));
            lines.put(e.getKey(), e.getValue().line());
        }
        return m;
    }

    private List<String> values(YamlNode n) {
        List<String> values = new ArrayList<>();
        if (n.kind() == YamlNode.Kind.LIST) {
            n.list().forEach(v -> values.add(scalar(v)));
        } else {
            values.add(scalar(n));
        }
        if (values.isEmpty() || new HashSet<>(values).size() != values.size()) {
            throw n.error(source, "a sweep variable needs a non-empty list of distinct values, e.g. [2, 4, 8]");
        }
        return values;
    }

    private List<Long> seeds(YamlNode n) {
        List<Long> seeds = new ArrayList<>();
        if (n.kind() == YamlNode.Kind.LIST) {
            n.list().forEach(v -> seeds.add(integer(v)));
        } else {
            seeds.add(integer(n));
        }
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw n.error(source, "seeds is a non-empty list of distinct integers, e.g. seeds: [1, 2, 3]");
        }
        return seeds;
    }

    private Map<String, String> tolerances(YamlNode n) {
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "tolerances is a mapping of names to numbers, e.g. rtol: 1e-10");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
            String v = scalar(e.getValue());
            if (!v.contains("{")) {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException x) {
                    throw e.getValue().error(source, "tolerance '" + e.getKey() + "' must be a number, got '" + v
                            + "'");
                }
            }
            m.put(e.getKey(), v);
        }
        return m;
    }

    private Map<String, Study.Scale> scales(YamlNode n, Set<String> variables, List<Study.Entry> entries) {
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "scales is a mapping of preset names to presets, e.g. smoke: {seeds: [1]}");
        }
        Map<String, Study.Scale> m = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
            m.put(e.getKey(), scale(e.getKey(), e.getValue(), variables, entries));
        }
        return m;
    }

    private Study.Scale scale(String name, YamlNode n, Set<String> variables, List<Study.Entry> entries) {
        nameOf(new YamlNode(YamlNode.Kind.SCALAR, name, Map.of(), List.of(), n.line(), n.path()));
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "a scale preset is a mapping with keys " + String.join(", ", SCALE_KEYS));
        }
        allowOnly(n, SCALE_KEYS, "scale " + name);
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        if (n.map().containsKey("sweep")) {
            sweep = sweep(n.map().get("sweep"), new LinkedHashMap<>());
            for (String v : sweep.keySet()) {
                if (!variables.contains(v)) {
                    throw n.map().get("sweep").map().get(v).error(source, "scale " + name + " sets sweep variable '"
                            + v + "' that the study's sweep does not have; the variables are " + variables);
                }
            }
        }
        List<Long> seeds = n.map().containsKey("seeds") ? seeds(n.map().get("seeds")) : null;
        Map<String, String> tolerances = n.map().containsKey("tolerances") ? tolerances(n.map().get("tolerances"))
                : Map.of();
        Map<String, Map<String, String>> settings = n.map().containsKey("settings")
                ? scaleSettings(n.map().get("settings"), entries) : Map.of();
        return new Study.Scale(name, sweep, seeds, tolerances, settings, n.line());
    }

    private Map<String, Map<String, String>> scaleSettings(YamlNode n, List<Study.Entry> entries) {
        if (n.kind() != YamlNode.Kind.MAP) {
            throw n.error(source, "settings is a mapping of analysis ids to settings, e.g. flow: {horizon: 10}");
        }
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
            Study.Entry entry = entries.stream().filter(x -> x.id().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> e.getValue().error(source, "no analysis has the id '" + e.getKey()
                            + "'; the ids are " + entries.stream().map(Study.Entry::id).toList()));
            if (e.getValue().kind() != YamlNode.Kind.MAP) {
                throw e.getValue().error(source, "expected a mapping of settings, e.g. {horizon: 10}");
            }
            Analysis a = Analyses.byName(entry.analysis());
            Map<String, String> s = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> kv : e.getValue().map().entrySet()) {
                if (!PROBLEM_KEYS.contains(kv.getKey()) && !a.settings().isEmpty()
                        && !a.settings().containsKey(kv.getKey())) {
                    throw kv.getValue().error(source, "unknown setting '" + kv.getKey() + "' of analysis " + a.name()
                            + "; its settings are "
                            + String.join(", ", new java.util.TreeSet<>(a.settings().keySet())));
                }
                s.put(kv.getKey(), setting(kv.getValue()));
            }
            m.put(e.getKey(), s);
        }
        return m;
    }
}
