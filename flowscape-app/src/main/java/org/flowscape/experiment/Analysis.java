package org.flowscape.experiment;

/**
 * One kind of computation a study can run (eval, flow, critical, spectrum, landscape, basins, or a
 * {@code reproduce} claim). An analysis is stateless: everything a run needs arrives in its
 * {@link RunContext}, everything it finds leaves through the {@link RecordSink}. Implementations must be
 * deterministic: all randomness comes from {@link RunContext#stream(String, long)}, so the same run gives
 * the same records whatever the thread count or executor.
 */
public interface Analysis {
    /** The name a study file uses for this analysis, e.g. {@code flow}. */
    String name();

    /**
     * Runs one run and writes its records. A numerical outcome that is not success (divergence, no
     * convergence, degenerate Hessian) is reported with {@link RecordSink#outcome}, not thrown; an exception
     * means the run failed and the runner records it as {@link Outcome#FAILED} with the message.
     *
     * @param context the run's parameters, seed and tolerances (read only)
     * @param sink where the run's records go; the runner commits them only when this method returns
     * @throws Exception when the run cannot be carried out
     */
    void run(RunContext context, RecordSink sink) throws Exception;

    /**
     * The settings a study may give this analysis, each with its default ({@code ""}: none, the setting is
     * optional). A study that sets any other key is refused at load time, and the defaults are filled into each
     * run's parameters so that {@code runs.params_json} is complete. The default, an empty map, accepts any key
     * and fills in nothing.
     */
    default java.util.Map<String, String> settings() {
        return java.util.Map.of();
    }

    /**
     * The tolerances this analysis reads with their defaults; filled into each run's tolerances (and so recorded
     * with its results). A study's top-level tolerances reach a run only when named here (all of them when this
     * is empty, the default).
     */
    default java.util.Map<String, Double> tolerances() {
        return java.util.Map.of();
    }

    /**
     * Checks a resolved run before anything runs, so that a bad value in a study file is reported at load time
     * with its line instead of as a failed run. The default accepts everything.
     *
     * @param spec the run (read only)
     * @throws IllegalArgumentException naming the bad setting and the fix
     */
    default void validate(RunSpec spec) {
    }
}
