/**
 * User-written entrywise costs {@code cost:EXPR}: a small recursive-descent parser for real-analytic expressions in
 * the prediction x and the target y, an immutable expression tree with symbolic first and second derivatives in x,
 * and light simplification. Entry point: {@link org.flowscape.loss.expr.CostExpression#parse(String)}, called by
 * {@link org.flowscape.loss.Losses}. Written here because no maintained Java library offers a safe (no scripting
 * engine, no reflection) analytic-expression parser with symbolic second derivatives. Depends on
 * {@code org.flowscape.loss.ScalarCost} only.
 */
package org.flowscape.loss.expr;
