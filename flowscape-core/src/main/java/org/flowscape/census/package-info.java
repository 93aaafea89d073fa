/**
 * The certified census of critical points in a box: interval branch-and-bound ({@link org.flowscape.census.BoxCensus})
 * that excludes boxes where 0 ∉ [∇L](X), proves existence and uniqueness with the Krawczyk operator, proves the
 * Hessian inertia of every enclosed point, and reports every box it could not decide with the reason. Enclosures of
 * the gradient and Hessian over a box come from {@link org.flowscape.census.BoxEnclosure}: closed-form {@code fn:}
 * models, the shallow squared-error networks of {@code org.flowscape.analysis.IntervalRisk}, both with weight decay.
 * Depends on {@code objective}, {@code analysis} (interval arithmetic, inertia, polishing), {@code loss.expr} and
 * {@code linalg}; nothing depends on it but the application.
 */
package org.flowscape.census;
