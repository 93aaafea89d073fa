/**
 * The operations layer: one home per computation a user can ask for, whichever way it is reached (a
 * {@code flowscape} command, a study analysis, a {@code reproduce} claim). Each operation subpackage holds a
 * {@code Settings} record (every default stated once, as the text the flags show; {@code validate()} names the flag
 * and the fix), a pure {@code run} returning a result record, and one {@code Records} class that writes the result
 * into a {@link org.flowscape.experiment.RecordSink}. Commands ({@code cli}) and study analyses
 * ({@code experiment.analyses}) are adapters: a flag, a study key and a claim parameter are the same record
 * component. This package holds what several operations share: {@link org.flowscape.operation.RunSettings} (typed
 * access to a study run's parameters), {@link org.flowscape.operation.Tolerances} (the zero and gradient
 * tolerances), {@link org.flowscape.operation.NtkSummary} (the NTK's extremes),
 * {@link org.flowscape.operation.Deadline} (the one cancellation mechanism: a time limit installed as the core's
 * {@code Cancellation} check) and the JSON helpers {@link org.flowscape.operation.JsonOutput} and
 * {@link org.flowscape.operation.AnalysisJson} that the renderers share. Depends on {@code spec},
 * {@code experiment} (the sink and row types) and the core; never on {@code cli}, {@code experiment.analyses},
 * {@code runner}, {@code store} or {@code reproduce} ({@code PackageCycleTest}). See {@code docs/operations.md}.
 */
package org.flowscape.operation;
