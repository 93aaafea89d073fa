/**
 * Basins of two-layer bias-free ReLU networks x ↦ Σ_j v_j [w_j·x]_+ (Safran and Shamir, {@code docs/theory.md}
 * D.3–D.4): the activation/sign pattern of an initialization, the basin's minimal value as the convex program of
 * D.3 (solved with ojAlgo's {@code ConvexSolver}, polished on its active set and certified by its KKT conditions),
 * Lemma 2's monotonicity, Monte-Carlo estimates of P[Bas ≤ α] with Wilson intervals, exact probabilities for
 * singleton (and orthonormal) data, the bounds of Theorems 2–5 and Propositions 1–2, and a fused batched gradient
 * descent kernel that trains many initializations at once. Every random draw comes from
 * {@link org.flowscape.rng.Seeds}; results never depend on the thread count.
 */
package org.flowscape.geometry.basins;
