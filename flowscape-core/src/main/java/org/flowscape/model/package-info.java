/**
 * Parameterizations θ ↦ f(θ; x): layered dense networks ({@link org.flowscape.model.Network}) with activations that
 * carry their derivatives and identities, the documented parameter layout, symmetry descriptions, compact model specs
 * ({@link org.flowscape.model.Models}) and the batched forward / backward / R-operator calculus
 * ({@link org.flowscape.model.NetworkWorkspace}). Depends on {@code linalg} and {@code rng}.
 */
package org.flowscape.model;
