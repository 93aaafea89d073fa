package org.flowscape.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link StudyExecutor}s on the class path with {@link ServiceLoader} ({@code META-INF/services}). */
public final class StudyExecutors {
    private StudyExecutors() {
    }

    /**
     * The executor called {@code name}.
     *
     * @throws IllegalArgumentException when none is on the class path, saying how to get the Spark executor
     */
    public static StudyExecutor byName(String name) {
        List<String> found = new ArrayList<>();
        for (StudyExecutor e : ServiceLoader.load(StudyExecutor.class)) {
            if (e.name().equals(name)) {
                return e;
            }
            found.add(e.name());
        }
        if (name.equals("spark")) {
            throw new IllegalArgumentException("the spark executor is not on the class path; build the "
                    + "flowscape-spark module (mvn -pl flowscape-spark -am package) and run with its jar via "
                    + "spark-submit (see docs/studies.md), or use --executor local");
        }
        throw new IllegalArgumentException("unknown executor '" + name + "'; the available executors are "
                + String.join(", ", found));
    }
}
