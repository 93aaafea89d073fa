package org.flowscape.spark;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

import org.flowscape.experiment.Analysis;

/**
 * Finds the {@link Analysis} a run names. Serializable because it travels to the Spark executors with the task;
 * the lookup happens there, so analyses themselves need not be serializable.
 */
@FunctionalInterface
public interface AnalysisLookup extends Serializable {
    /**
     * The analysis called {@code name}.
     *
     * @throws IllegalArgumentException when no analysis has that name
     */
    Analysis byName(String name);

    /**
     * The application's registry, {@code org.flowscape.experiment.Analyses.byName(String)}. Called reflectively so
     * that this module builds against an application that has not yet got the registry; the method may return the
     * analysis or an {@link Optional} of it.
     */
    static AnalysisLookup registry() {
        return name -> {
            Object found;
            try {
                Method m = Class.forName("org.flowscape.experiment.Analyses").getMethod("byName", String.class);
                found = m.invoke(null, name);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("the analysis registry failed for " + name, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this build has no analysis registry "
                        + "(org.flowscape.experiment.Analyses.byName)", e);
            }
            if (found instanceof Optional<?> o) {
                found = o.orElse(null);
            }
            if (found instanceof Analysis a) {
                return a;
            }
            throw new IllegalArgumentException("unknown analysis '" + name + "'");
        };
    }
}
