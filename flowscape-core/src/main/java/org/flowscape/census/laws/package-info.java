/**
 * Conservation laws of gradient flows discovered rather than declared: for a network whose reparametrisation φ is
 * polynomial (linear networks, products, relu path liftings), the number of independent laws D − dim Lie(∇φ) computed
 * exactly modulo a prime, and the laws of degree ≤ 2 as the kernel of an exact rational linear system. Entry point:
 * {@link org.flowscape.census.laws.ConservationLaws#discover}. Depends on {@code census.homotopy} (its polynomial
 * type), {@code model} and {@code rng}. Our own code because no maintained Java library computes Lie algebras of
 * polynomial vector fields.
 */
package org.flowscape.census.laws;
