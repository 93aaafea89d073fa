/**
 * The {@code critical} operation: {@link org.flowscape.operation.critical.CriticalRun} (its
 * {@link org.flowscape.operation.critical.CriticalRun.Settings}, defaults and the polish-classify-certify run) behind
 * {@code flowscape critical}, {@code flowscape analyze --polish} and the {@code critical} study analysis. Its records
 * are still written by {@code experiment.analyses.CriticalAnalysis} and its text and JSON by {@code cli}.
 */
package org.flowscape.operation.critical;
