package org.flowscape.experiment.analyses;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.rng.Seeds;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;

/**
 * Typed access to a run's settings (its {@link RunSpec#params()}, falling back to the analysis's defaults) and
 * the problem it names. A setting whose value is {@code ""} is unset. Every parse error names the analysis, the
 * setting and the value: {@code flow setting 'horizon' must be a number, got 'ten'}.
 *
 * @param analysis the analysis name (for messages)
 * @param params the run's parameters
 * @param defaults the analysis's {@link org.flowscape.experiment.Analysis#settings() defaults}
 */
public record RunSettings(String analysis, Map<String, String> params, Map<String, String> defaults) {
    /** The problem keys every analysis reads from its parameters. */
    public static final List<String> PROBLEM_KEYS = List.of("model", "data", "loss", "l2");

    /** The settings of {@code spec} for {@code analysis}. */
    public static RunSettings of(RunSpec spec, Map<String, String> defaults) {
        return new RunSettings(spec.analysis(), spec.params(), defaults);
    }

    /**
     * The seed θ is initialized from: derived from the run's seed alone, so it depends on (study seed, run key)
     * only.
     */
    public static long initSeed(RunSpec spec) {
        return Seeds.derive(spec.seed(), "init", 0);
    }

    /**
     * Loads the problem the run names ({@code model}, {@code data}, {@code loss}) with θ drawn from
     * {@link #initSeed}.
     */
    public static Problem problem(RunContext context) throws IOException {
        RunSpec spec = context.spec();
        ProblemSpec p = new ProblemSpec(spec.params().get("model"), spec.params().get("data"),
                spec.params().get("loss"), null, initSeed(spec), l2(spec.params()));
        return Problem.load(p);
    }

    /**
     * The weight decay of a run's parameter {@code l2} (a study may sweep it), or null when unset.
     *
     * @throws IllegalArgumentException when it is not a finite number &gt;= 0
     */
    public static Double l2(java.util.Map<String, String> params) {
        String v = params.get("l2");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter l2 must be a number >= 0 (the weight decay lambda), got '"
                    + v + "'");
        }
    }

    /** The raw text of {@code name} ({@code ""} when unset). */
    public String text(String name) {
        String v = params.get(name);
        if (v == null) {
            v = defaults.getOrDefault(name, "");
        }
        return v.strip();
    }

    /** True when {@code name} has a value. */
    public boolean isSet(String name) {
        return !text(name).isEmpty();
    }

    /** A number. */
    public double real(String name) {
        String v = required(name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(name, v, "a number");
        }
    }

    /** A number, or null when unset. */
    public Double optionalReal(String name) {
        return isSet(name) ? real(name) : null;
    }

    /** An integer. */
    public long integer(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(v);
                if (d == Math.rint(d) && Math.abs(d) < 9e15) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw bad(name, v, "an integer");
        }
    }

    /** An integer in int range. */
    public int smallInteger(String name) {
        long v = integer(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw bad(name, text(name), "an integer below 2^31");
        }
        return (int) v;
    }

    /** true or false. */
    public boolean flag(String name) {
        String v = required(name).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(name, v, "true or false");
        };
    }

    /** A comma-separated list ({@code [a, b]} brackets allowed); empty when unset. */
    public List<String> list(String name) {
        String v = text(name);
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String required(String name) {
        String v = text(name);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(analysis + " setting '" + name + "' has no value; give it one");
        }
        return v;
    }

    private IllegalArgumentException bad(String name, String value, String what) {
        return new IllegalArgumentException(analysis + " setting '" + name + "' must be " + what + ", got '" + value
                + "'");
    }
}
