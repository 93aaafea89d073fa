package org.flowscape.operation.eval;

import java.util.Arrays;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;

/**
 * Writes an {@link Evaluation} into a {@link RecordSink} (the store's rows of an {@code eval} run): metrics
 * {@code loss}, {@code grad_norm}, {@code grad_max}, {@code parameters}; with the Hessian {@code lambda_min},
 * {@code lambda_max}, {@code index}, {@code nullity}, {@code positive}, {@code asymmetry}, {@code ntk_lambda_min},
 * {@code ntk_lambda_max} (NaN when the NTK is too large) and the spectrum {@code hessian} (all P eigenvalues,
 * ascending, weight 1); with the Jacobian {@code jacobian_rank}, {@code jacobian_sigma_max},
 * {@code jacobian_sigma_min} and the spectrum {@code jacobian} (singular values, descending); each conserved
 * quantity's entries as {@code conserved:NAME[i]}. Outcome diverged when L is not finite.
 */
public final class EvalRecords {
    private EvalRecords() {
    }

    /** Records {@code e} into {@code sink}. */
    public static void record(Evaluation e, RecordSink sink) {
        sink.metric("loss", e.loss());
        sink.metric("grad_norm", e.gradientNorm());
        sink.metric("grad_max", e.gradientMax());
        sink.metric("parameters", e.problem().dim());
        if (e.hessian() != null) {
            Evaluation.HessianSpectrum h = e.hessian();
            sink.metric("lambda_min", h.min());
            sink.metric("lambda_max", h.max());
            sink.metric("index", h.inertia().negative());
            sink.metric("nullity", h.inertia().zero());
            sink.metric("positive", h.inertia().positive());
            sink.metric("asymmetry", h.asymmetry());
            sink.metric("ntk_lambda_min", e.ntk().min());
            sink.metric("ntk_lambda_max", e.ntk().max());
            sink.spectrum("hessian", h.eigenvalues(), ones(h.eigenvalues().length));
        }
        if (e.jacobian() != null) {
            double[] s = e.jacobian().values();
            sink.metric("jacobian_rank", e.jacobian().rank());
            sink.metric("jacobian_sigma_max", s.length == 0 ? Double.NaN : s[0]);
            sink.metric("jacobian_sigma_min", s.length == 0 ? Double.NaN : s[s.length - 1]);
            sink.spectrum("jacobian", s, ones(s.length));
        }
        for (Evaluation.Conserved c : e.conserved()) {
            for (int i = 0; i < c.values().length; i++) {
                sink.metric("conserved:" + c.name() + (c.values().length == 1 ? "" : "[" + i + "]"), c.values()[i]);
            }
        }
        if (!Double.isFinite(e.loss())) {
            sink.outcome(Outcome.DIVERGED, "the loss is not finite at the initial theta");
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }
}
