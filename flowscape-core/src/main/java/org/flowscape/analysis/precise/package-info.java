/**
 * Extended-precision certification of critical points: interval arithmetic on {@link java.math.BigDecimal} endpoints
 * with directed rounding ({@link org.flowscape.analysis.precise.BigInterval}), rigorous enclosures of exp, tanh and the
 * logistic function ({@link org.flowscape.analysis.precise.BigFunctions}), interval value/gradient/Hessian of a
 * shallow network under a squared error ({@link org.flowscape.analysis.precise.ShallowIntervalRisk}), and the
 * certifier that refines a double-precision critical point by Newton's method in 50-digit arithmetic and proves its
 * existence, uniqueness, Morse index and an enclosure of λ_min
 * ({@link org.flowscape.analysis.precise.PreciseCertifier}). It exists for minima so ill-conditioned (λ_min/λ_max ≲
 * 1e-10) that double precision cannot locate them well enough for the double-precision
 * {@link org.flowscape.analysis.Certifier}; {@link org.flowscape.analysis.precise.Certification} tries double first
 * and falls back to this. Depends on {@code org.flowscape.analysis}, never the other way round.
 */
package org.flowscape.analysis.precise;
