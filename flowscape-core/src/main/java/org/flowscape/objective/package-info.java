/**
 * The central contract {@link org.flowscape.objective.Objective}: L(θ) with its exact gradient, Hessian-vector
 * products and dense Hessian, and {@link org.flowscape.objective.ModelObjective} with the model Jacobian, NTK and
 * Gauss–Newton matrices. {@link org.flowscape.objective.EmpiricalRisk} implements it for every network × loss × data.
 * Depends on {@code linalg}, {@code model}, {@code loss} and {@code data}; nothing here reads files.
 */
package org.flowscape.objective;
