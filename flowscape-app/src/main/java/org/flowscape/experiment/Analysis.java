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
}
