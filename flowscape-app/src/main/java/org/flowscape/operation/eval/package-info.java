/**
 * The {@code eval} operation: {@link org.flowscape.operation.eval.EvalSettings},
 * {@link org.flowscape.operation.eval.Evaluation#run} (L, ∇L, the dense Hessian's spectrum and matrix, H·v, the
 * Jacobian's singular values, the NTK's extremes, conserved quantities) and
 * {@link org.flowscape.operation.eval.EvalRecords}, with the text and JSON renderers
 * {@link org.flowscape.operation.eval.EvalReport} and {@link org.flowscape.operation.eval.EvalExtrasReport}.
 */
package org.flowscape.operation.eval;
