/**
 * Losses on a batch of predictions with their gradients and per-sample Hessian blocks: squared error in its three
 * normalizations, softmax cross-entropy, and entrywise costs from user expressions ({@link org.flowscape.loss.Losses}
 * parses the spellings of {@code docs/CLI.md}). Depends on {@code linalg} only.
 */
package org.flowscape.loss;
