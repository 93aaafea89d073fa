/**
 * The {@code spectrum} operation: {@link org.flowscape.operation.spectrum.SpectrumRun} (its
 * {@link org.flowscape.operation.spectrum.SpectrumRun.Settings}, defaults and the Lanczos / trace / density run)
 * behind {@code flowscape spectrum} and the {@code spectrum} study analysis. Its study settings
 * ({@code SpectrumRun.of(RunSpec)}) and records ({@link org.flowscape.operation.spectrum.SpectrumRecords}) live here;
 * its text and JSON are still rendered by {@code cli.SpectrumCommand}.
 */
package org.flowscape.operation.spectrum;
