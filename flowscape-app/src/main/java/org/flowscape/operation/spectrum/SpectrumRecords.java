package org.flowscape.operation.spectrum;

import java.util.Arrays;
import org.flowscape.analysis.LanczosResult;
import org.flowscape.analysis.SpectralDensity;
import org.flowscape.analysis.SpectrumStatus;
import org.flowscape.analysis.TraceEstimate;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * Writes a {@link SpectrumRun} into a {@link RecordSink}: spectrum {@code lanczos} (the Ritz values), series
 * {@code lanczos_residual}, metrics {@code lambda_min}, {@code lambda_max}, {@code lanczos_iterations},
 * {@code converged_pairs}, {@code spectral_radius}, the trace estimates and the density when computed; outcome
 * {@code timeout} when cancelled (the Ritz pairs so far kept), {@code not_converged} when a pair is above its
 * residual threshold.
 */
public final class SpectrumRecords {
    private SpectrumRecords() {
    }

    /** Records {@code r}; {@code cancelled}: whether a time limit stopped it. */
    public static void record(SpectrumRun r, boolean cancelled, RecordSink sink) {
        LanczosResult l = r.lanczos();
        double[] ones = new double[l.count()];
        Arrays.fill(ones, 1.0);
        sink.spectrum("lanczos", l.values(), ones);
        sink.series("lanczos_residual", l.values(), l.residuals());
        sink.metric("lambda_min", l.min());
        sink.metric("lambda_max", l.max());
        sink.metric("lanczos_iterations", l.iterations());
        int converged = 0;
        for (boolean c : l.converged()) {
            converged += c ? 1 : 0;
        }
        sink.metric("converged_pairs", converged);
        sink.metric("spectral_radius", l.spectralRadius());
        traces(sink, r.hutchinson(), r.hutchPlusPlus());
        if (r.density() != null) {
            density(sink, r.density());
        }
        if (cancelled) {
            sink.outcome(Outcome.TIMEOUT, "stopped at the time limit after " + l.iterations() + " Lanczos steps "
                    + "(the Ritz pairs so far are kept, " + converged + " of " + l.count() + " converged)");
        } else if (l.status() != SpectrumStatus.CONVERGED) {
            sink.outcome(Outcome.NOT_CONVERGED, (l.count() - converged) + " of " + l.count() + " Ritz pairs above "
                    + "the residual threshold " + l.threshold() + " after " + l.iterations() + " steps");
        }
    }

    private static void traces(RecordSink sink, TraceEstimate hutch, TraceEstimate hpp) {
        if (hutch == null) {
            return;
        }
        sink.metric("trace_hutchinson", hutch.estimate());
        sink.metric("trace_hutchinson_se", hutch.standardError());
        sink.metric("trace_hutchpp", hpp.estimate());
        sink.metric("trace_hutchpp_se", hpp.standardError());
    }

    private static void density(RecordSink sink, SpectralDensity d) {
        sink.series("density", d.grid(), d.density());
        sink.series("density_se", d.grid(), d.standardError());
        int n = 0;
        for (double v : d.nodes()) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        double[] nodes = new double[n];
        double[] weights = new double[n];
        int k = 0;
        for (int i = 0; i < d.nodes().length; i++) {
            if (Double.isFinite(d.nodes()[i])) {
                nodes[k] = d.nodes()[i];
                weights[k++] = d.weights()[i] / d.probes();
            }
        }
        sink.spectrum("slq_nodes", nodes, weights);
    }
}
