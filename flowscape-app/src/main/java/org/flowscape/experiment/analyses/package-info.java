/**
 * The analyses a study can run ({@code eval}, {@code flow}, {@code critical}, {@code spectrum}, {@code landscape},
 * {@code basins}), and the computations they share with the matching {@code flowscape} subcommands
 * ({@link org.flowscape.operation.eval.Evaluation}, {@link org.flowscape.operation.flow.FlowSettings},
 * {@link org.flowscape.operation.critical.CriticalRun}). Each analysis reads its settings with
 * {@link org.flowscape.operation.RunSettings}, calls the core, and writes records through the
 * {@link org.flowscape.experiment.RecordSink}; none prints or parses command lines. Depends on {@code spec} and
 * the core; must not depend on {@code report} or {@code cli}.
 */
package org.flowscape.experiment.analyses;
