/**
 * Datasets: inputs and targets as row-major matrices, synthetic generators that are always seeded, and loaders for
 * CSV and NumPy files. Depends on {@code linalg}, {@code rng} and {@code model} (teacher networks).
 */
package org.flowscape.data;
