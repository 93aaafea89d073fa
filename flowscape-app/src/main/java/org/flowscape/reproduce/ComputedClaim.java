package org.flowscape.reproduce;

import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;

/** A claim whose computation is one method: {@link #analysis()} wraps {@link #compute}. */
abstract class ComputedClaim implements Claim {
    /** Runs the claim's computation, reading sizes and tolerances from {@code context}. */
    abstract void compute(RunContext context, RecordSink sink) throws Exception;

    @Override
    public final Analysis analysis() {
        return new Analysis() {
            @Override
            public String name() {
                return id();
            }

            @Override
            public void run(RunContext context, RecordSink sink) throws Exception {
                compute(context, sink);
            }
        };
    }
}
