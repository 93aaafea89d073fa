package org.flowscape.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flowscape.cli.Main;

/**
 * The entry point for {@code spark-submit}: {@code spark-submit --class org.flowscape.spark.SparkMain
 * flowscape-spark.jar STUDY.yaml --out DIR [flowscape run options]} is {@code flowscape run STUDY.yaml --out DIR
 * --executor spark} in the session spark-submit configures (its {@code --master}); {@code --threads N} sets the
 * number of partitions. Same options, messages and exit codes as {@code flowscape run} (0 done, 2 user error).
 */
public final class SparkMain {
    private SparkMain() {
    }

    /** Runs {@code flowscape run ARGS --executor spark} and exits with its exit code. */
    public static void main(String[] args) {
        Main.main(arguments(args));
    }

    /** {@code run ARGS}, with {@code --executor spark} added unless ARGS choose an executor. */
    static String[] arguments(String... args) {
        List<String> all = new ArrayList<>();
        all.add("run");
        all.addAll(Arrays.asList(args));
        if (all.stream().noneMatch(a -> a.equals("--executor") || a.startsWith("--executor="))) {
            all.add("--executor");
            all.add("spark");
        }
        return all.toArray(String[]::new);
    }
}
