/**
 * The analyses a study can run ({@code eval}, {@code flow}, {@code critical}, {@code spectrum}, and those other
 * modules add here), and the computations they share with the matching {@code flowscape} subcommands
 * ({@link org.flowscape.experiment.analyses.Evaluation}, {@link org.flowscape.experiment.analyses.FlowSetup},
 * {@link org.flowscape.experiment.analyses.CriticalRun}). Each analysis reads its settings with
 * {@link org.flowscape.experiment.analyses.RunSettings} and writes records through the
 * {@link org.flowscape.experiment.RecordSink}.
 */
package org.flowscape.experiment.analyses;
