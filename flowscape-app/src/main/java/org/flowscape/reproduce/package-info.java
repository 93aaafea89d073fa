/**
 * {@code flowscape reproduce}: the claims of the four papers of {@code theory.md} (A: Oliveira–Jatkar–Sontag, B:
 * Benning–Dereich, C: Jakhmola, D: Safran–Shamir), each a {@link org.flowscape.reproduce.Claim} whose computation is an
 * {@link org.flowscape.experiment.Analysis} writing through a {@link org.flowscape.experiment.RecordSink}, and whose
 * verdict is a pure function of those records and explicit tolerances. {@link org.flowscape.reproduce.Reproduction}
 * runs the claims as one study through the local executor, each claim a run committed to the study store
 * ({@code DIR/results.duckdb}) and judged on the records committed (seeds from (root seed, claim id) only), and
 * collects the {@link org.flowscape.reproduce.ClaimResult}s that the report shows.
 */
package org.flowscape.reproduce;
