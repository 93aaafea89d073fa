package org.flowscape.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a {@link Study} at a scale into its {@link StudyPlan}: for each analysis entry, the cartesian product of
 * the sweep variables it uses ({@code {name}} placeholders in its values, last variable fastest) times the
 * seeds. Each run's parameters are the problem keys, the entry's settings (placeholders replaced, defaults filled
 * in), the sweep variables it uses as {@code sweep.NAME} and {@code seed} (the replicate); its tolerances are the
 * analysis's defaults,
 * overridden by the study's, the scale's and the entry's. Every run is validated by its analysis here, so a bad
 * value fails at load time with its line.
 */
public final class StudyExpander {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    /** Sweep variables appear in a run's parameters under this prefix, e.g. {@code sweep.width}. */
    public static final String SWEEP_PREFIX = "sweep.";

    private StudyExpander() {
    }

    /**
     * The plan of {@code study} at scale {@code scaleName}; null or empty picks the preset named {@code default}
     * when there is one, else none.
     *
     * @throws IllegalArgumentException for an unknown scale, an unknown or unused sweep variable, or a run its
     *     analysis refuses
     */
    public static StudyPlan expand(Study study, String scaleName) {
        Study.Scale scale = scale(study, scaleName);
        Map<String, List<String>> sweep = new LinkedHashMap<>(study.sweep());
        List<Long> seeds = study.seeds();
        Map<String, String> tolerances = new LinkedHashMap<>(study.tolerances());
        if (scale != null) {
            sweep.putAll(scale.sweep());
            seeds = scale.seeds() == null ? seeds : scale.seeds();
            tolerances.putAll(scale.tolerances());
        }
        Set<String> used = new LinkedHashSet<>();
        List<RunSpec> runs = new ArrayList<>();
        for (Study.Entry entry : study.analyses()) {
            Map<String, String> settings = new LinkedHashMap<>(study.problem());
            settings.putAll(entry.settings());
            if (scale != null) {
                settings.putAll(scale.settings().getOrDefault(entry.id(), Map.of()));
            }
            Map<String, String> entryTolerances = new LinkedHashMap<>(tolerances);
            entryTolerances.putAll(entry.tolerances());
            List<String> vars = variables(study, entry, settings, entryTolerances, sweep.keySet());
            used.addAll(vars);
            for (Map<String, String> point : grid(vars, sweep)) {
                for (long s : seeds) {
                    runs.add(run(study, entry, settings, entryTolerances, point, s));
                }
            }
        }
        for (String v : sweep.keySet()) {
            if (!used.contains(v)) {
                throw new IllegalArgumentException(study.source() + " line " + study.sweepLines().get(v)
                        + " (sweep." + v + "): sweep variable '" + v + "' is not used; write {" + v + "} in a value "
                        + "of problem or of an analysis, or remove it");
            }
        }
        return new StudyPlan(study.name(), study.seed(), scale == null ? "" : scale.name(), study.text(), runs);
    }

    private static Study.Scale scale(Study study, String name) {
        if (name == null || name.isEmpty()) {
            return study.scales().get("default");
        }
        Study.Scale s = study.scales().get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scale '" + name + "' for " + study.source() + "; its scales "
                    + "are " + (study.scales().isEmpty() ? "none (add a 'scales:' section)"
                    : String.join(", ", study.scales().keySet())));
        }
        return s;
    }

    /** The sweep variables {@code entry} uses, in the study's order. */
    private static List<String> variables(Study study, Study.Entry entry, Map<String, String> settings,
            Map<String, String> tolerances, Set<String> known) {
        Set<String> found = new LinkedHashSet<>();
        List<String> values = new ArrayList<>(settings.values());
        values.addAll(tolerances.values());
        for (String v : values) {
            Matcher m = PLACEHOLDER.matcher(v);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw error(study, entry, "'{" + m.group(1) + "}' names no sweep variable; the variables are "
                            + (known.isEmpty() ? "none (add a 'sweep:' section)" : String.join(", ", known)));
                }
                found.add(m.group(1));
            }
        }
        return known.stream().filter(found::contains).toList();
    }

    /** Every combination of the variables' values, last variable fastest. */
    private static List<Map<String, String>> grid(List<String> vars, Map<String, List<String>> sweep) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (String v : vars) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String value : sweep.get(v)) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(v, value);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private static RunSpec run(Study study, Study.Entry entry, Map<String, String> settings,
            Map<String, String> tolerances, Map<String, String> point, long seed) {
        StringBuilder key = new StringBuilder(entry.id());
        point.forEach((k, v) -> key.append('/').append(k).append('=').append(v));
        key.append("/seed=").append(seed);
        Analysis analysis = Analyses.byName(entry.analysis());
        Map<String, String> params = new TreeMap<>(analysis.settings());
        settings.forEach((k, v) -> params.put(k, substitute(v, point)));
        point.forEach((k, v) -> params.put(SWEEP_PREFIX + k, v));
        params.put("seed", Long.toString(seed));
        Map<String, Double> tol = new TreeMap<>(analysis.tolerances());
        tolerances.forEach((k, v) -> {
            if (analysis.tolerances().isEmpty() || analysis.tolerances().containsKey(k)) {
                tol.put(k, number(study, entry, k, substitute(v, point)));
            }
        });
        String k = key.toString();
        RunSpec spec = new RunSpec(k, analysis.name(), params, RunKeys.seed(study.seed(), k), tol);
        try {
            analysis.validate(spec);
        } catch (IllegalArgumentException e) {
            throw error(study, entry, e.getMessage() + " (run " + k + ")");
        }
        return spec;
    }

    private static double number(Study study, Study.Entry entry, String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error(study, entry, "tolerance '" + name + "' must be a number, got '" + value + "'");
        }
    }

    private static String substitute(String value, Map<String, String> point) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(point.get(m.group(1))));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static IllegalArgumentException error(Study study, Study.Entry entry, String message) {
        return new IllegalArgumentException(study.source() + " line " + entry.line() + " (" + entry.path() + "): "
                + message);
    }
}
