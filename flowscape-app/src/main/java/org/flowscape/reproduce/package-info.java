/**
 * {@code flowscape reproduce}: the claims of the four papers of {@code theory.md} (A: Oliveira–Jatkar–Sontag, B:
 * Benning–Dereich, C: Jakhmola, D: Safran–Shamir), each a {@link org.flowscape.reproduce.Claim} whose computation is an
 * {@link org.flowscape.experiment.Analysis} writing through a {@link org.flowscape.experiment.RecordSink}, and whose
 * verdict is a pure function of those records and explicit tolerances. {@link org.flowscape.reproduce.Reproduction}
 * runs the claims on a thread pool (seeds from (root seed, claim id) only) and collects the
 * {@link org.flowscape.reproduce.ClaimResult}s that the report shows.
 */
package org.flowscape.reproduce;
