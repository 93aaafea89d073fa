package org.flowscape.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowscape.experiment.analyses.BasinsAnalysis;
import org.flowscape.experiment.analyses.CensusAnalysis;
import org.flowscape.experiment.analyses.CriticalAnalysis;
import org.flowscape.experiment.analyses.EvalAnalysis;
import org.flowscape.experiment.analyses.FlowAnalysis;
import org.flowscape.experiment.analyses.LandscapeAnalysis;
import org.flowscape.experiment.analyses.SpectrumAnalysis;

/**
 * The registry of analyses a study file can name. Analyses are stateless, so one instance per name serves every
 * run and thread.
 */
public final class Analyses {
    private static final Map<String, Analysis> BY_NAME = build();

    private Analyses() {
    }

    private static Map<String, Analysis> build() {
        List<Supplier<Analysis>> all = new ArrayList<>(List.of(
                EvalAnalysis::new,
                FlowAnalysis::new,
                CriticalAnalysis::new,
                SpectrumAnalysis::new,
                LandscapeAnalysis::new,
                BasinsAnalysis::new,
                CensusAnalysis::new
                // Register further analyses here, one line each
        ));
        Map<String, Analysis> m = new LinkedHashMap<>();
        for (Supplier<Analysis> s : all) {
            Analysis a = s.get();
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
