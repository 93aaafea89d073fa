/**
 * The {@link org.flowscape.experiment.Analysis} implementations that studies run, one class per analysis name
 * ({@code landscape}, ...). Each reads its parameters from the {@link org.flowscape.experiment.RunContext}, calls the
 * core, and writes records through the {@link org.flowscape.experiment.RecordSink}; none prints or parses command
 * lines. Depends on {@code spec} and the core; must not depend on {@code report} or {@code cli}.
 */
package org.flowscape.experiment.analyses;
