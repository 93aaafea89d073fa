/**
 * The analyses a study can run ({@code eval}, {@code flow}, {@code critical}, {@code spectrum}, {@code landscape},
 * {@code basins}), registered in {@code META-INF/services/org.flowscape.experiment.Analysis}. Each is an adapter over
 * the operations layer ({@code org.flowscape.operation}, {@code docs/operations.md}): it reads the operation's
 * settings record from the run's keys (e.g. {@link org.flowscape.operation.eval.EvalSettings#of},
 * {@link org.flowscape.operation.flow.FlowSettings#of}, {@link org.flowscape.operation.basins.BasinsSettings#of}),
 * runs the operation, and writes its records through the {@link org.flowscape.experiment.RecordSink}; none prints or
 * parses command lines. {@code critical}, {@code spectrum} and {@code landscape} still write their own records here.
 * Depends on {@code operation}, {@code spec} and the core; must not depend on {@code report} or {@code cli}.
 */
package org.flowscape.experiment.analyses;
