/**
 * The {@code spectrum} operation: {@link org.flowscape.operation.spectrum.SpectrumRun} (its
 * {@link org.flowscape.operation.spectrum.SpectrumRun.Settings}, defaults and the Lanczos / trace / density run)
 * behind {@code flowscape spectrum} and the {@code spectrum} study analysis. Its records are still written by
 * {@code experiment.analyses.SpectrumAnalysis} and its text and JSON by {@code cli}.
 */
package org.flowscape.operation.spectrum;
