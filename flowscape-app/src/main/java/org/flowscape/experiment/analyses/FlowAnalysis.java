package org.flowscape.experiment.analyses;

import java.util.Map;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.RunSettings;
import org.flowscape.operation.flow.FlowOperation;
import org.flowscape.operation.flow.FlowRecords;
import org.flowscape.operation.flow.FlowSettings;

/**
 * {@code flow}: the study adapter of the {@link FlowOperation flow operation}: the run's parameters are read as
 * {@link FlowSettings} (keys = the flags of {@code flowscape flow} without dashes, with the same defaults), the
 * operation runs from the run's initial θ, stopping early when the run is cancelled (then {@link Outcome#TIMEOUT},
 * with the trajectory so far), and {@link FlowRecords} writes what it found (names in {@code docs/studies.md}).
 */
public final class FlowAnalysis implements Analysis {
    @Override
    public String name() {
        return "flow";
    }

    @Override
    public Map<String, String> settings() {
        return FlowSettings.studyDefaults();
    }

    @Override
    public Map<String, Double> tolerances() {
        return FlowSettings.studyTolerances();
    }

    @Override
    public void validate(RunSpec spec) {
        FlowSettings.of(spec).validate();
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        FlowRecords.record(FlowOperation.run(RunSettings.problem(context), FlowSettings.of(context.spec()),
                context.cancelled()), sink);
    }
}
