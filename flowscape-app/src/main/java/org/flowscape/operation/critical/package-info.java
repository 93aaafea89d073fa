/**
 * The {@code critical} operation: {@link org.flowscape.operation.critical.CriticalRun} (its
 * {@link org.flowscape.operation.critical.CriticalRun.Settings}, defaults and the polish-classify-certify run) behind
 * {@code flowscape critical}, {@code flowscape analyze --polish} and the {@code critical} study analysis. Its study
 * settings ({@code CriticalRun.of(RunSpec)}), its records ({@link org.flowscape.operation.critical.CriticalRecords})
 * and its text and JSON ({@link org.flowscape.operation.critical.CriticalReport}) live here too; a time limit
 * ({@link org.flowscape.operation.Deadline}) stops it keeping the points polished so far.
 */
package org.flowscape.operation.critical;
