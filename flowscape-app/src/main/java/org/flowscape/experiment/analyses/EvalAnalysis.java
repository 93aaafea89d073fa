package org.flowscape.experiment.analyses;

import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.eval.EvalRecords;
import org.flowscape.operation.eval.EvalSettings;
import org.flowscape.operation.eval.Evaluation;

/**
 * {@code eval}: the study adapter of the {@link Evaluation eval operation} at the run's initial θ: settings
 * {@link EvalSettings} (keys {@code hessian}, {@code jacobian}, {@code conserved}; tolerance {@code zero-tol}),
 * records by {@link EvalRecords}. Cost: one gradient; with the Hessian O(P³).
 */
public final class EvalAnalysis implements Analysis {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public Map<String, String> settings() {
        return EvalSettings.studyDefaults();
    }

    @Override
    public Map<String, Double> tolerances() {
        return EvalSettings.studyTolerances();
    }

    @Override
    public void validate(RunSpec spec) {
        EvalSettings.of(spec).validate();
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        EvalRecords.record(Evaluation.run(RunSettings.problem(context), EvalSettings.of(context.spec()), 0), sink);
    }
}
