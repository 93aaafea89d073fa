package org.flowscape.experiment.analyses;

import java.util.Map;
import org.flowscape.data.Dataset;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.operation.basins.BasinsOperation;
import org.flowscape.operation.basins.BasinsRecords;
import org.flowscape.operation.basins.BasinsSettings;

/**
 * {@code basins}: the study adapter of the {@link BasinsOperation basins operation} ({@code docs/basins.md}): the
 * run's parameters are {@link BasinsSettings} (keys = the flags of {@code flowscape basins} without dashes, same
 * defaults; {@code data} required; seed = the run's; one thread, the runner parallelizes across runs), records by
 * {@link BasinsRecords}: the Monte Carlo, or with {@code params} the basin value of that network.
 */
public final class BasinsAnalysis implements Analysis {
    @Override
    public String name() {
        return "basins";
    }

    @Override
    public Map<String, String> settings() {
        return BasinsSettings.studyDefaults();
    }

    @Override
    public Map<String, Double> tolerances() {
        return BasinsSettings.studyTolerances();
    }

    @Override
    public void validate(RunSpec spec) {
        BasinsSettings.of(spec).validate();
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        BasinsSettings s = BasinsSettings.of(context.spec());
        Dataset data = BasinsOperation.data(s);
        if (s.params() != null) {
            BasinsRecords.record(BasinsOperation.at(data, s), sink);
        } else {
            BasinsRecords.record(BasinsOperation.run(data, s), sink);
        }
    }
}
