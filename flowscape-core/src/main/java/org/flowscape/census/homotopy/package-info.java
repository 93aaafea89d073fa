/**
 * The complete complex census of the critical points of a polynomial loss by homotopy continuation: a sparse
 * multivariate {@link org.flowscape.census.homotopy.Polynomial} type, the loss of a network as a polynomial
 * ({@link org.flowscape.census.homotopy.NetworkPolynomials}: linear, product and poly-activation models, ReLU models
 * within one activation pattern, polynomial cost expressions), the total-degree homotopy with the γ-trick, a
 * predictor–corrector tracker with a Cauchy endgame, and certification of each root by the complex interval
 * Krawczyk test. Entry point: {@link org.flowscape.census.homotopy.HomotopyCensus#run}. Depends on
 * {@code linalg}, {@code rng}, {@code model}, {@code loss} and {@code analysis}; nothing in the core depends on it.
 * Our own code because no maintained Java library offers homotopy continuation.
 */
package org.flowscape.census.homotopy;
