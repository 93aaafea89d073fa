package org.flowscape.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of analyses a study file can name, found with {@link ServiceLoader} from
 * {@code META-INF/services/org.flowscape.experiment.Analysis} (one class per line, in the order listed), so that this
 * package does not import the analyses that import it. Analyses are stateless, so one instance per name serves
 * every run and thread.
 */
public final class Analyses {
    private static final Map<String, Analysis> BY_NAME = build();

    private Analyses() {
    }

    private static Map<String, Analysis> build() {
        Map<String, Analysis> m = new LinkedHashMap<>();
        for (Analysis a : ServiceLoader.load(Analysis.class, Analysis.class.getClassLoader())) {
            if (m.put(a.name(), a) != null) {
                throw new IllegalStateException("two analyses are named " + a.name());
            }
        }
        return m;
    }

    /**
     * The analysis called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Analysis byName(String name) {
        Analysis a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown analysis '" + name + "'; the known analyses are "
                    + String.join(", ", names()));
        }
        return a;
    }

    /** The known names, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
