/**
 * Datasets: inputs and targets as row-major matrices ({@link org.flowscape.data.Dataset}), synthetic generators
 * that are always seeded, and loaders for CSV and NumPy files. {@link org.flowscape.data.Datasets#parse(String)}
 * builds any of them from a spec ({@link org.flowscape.data.Datasets#KINDS}); each generator class states its
 * distribution exactly and draws every random number from its own {@link org.flowscape.rng.Seeds} stream per
 * purpose ("inputs", "targets", "noise", "teacher", ...), so the same spec gives the same bits.
 * {@link org.flowscape.data.NpyData} builds datasets from {@code .npy} and {@code .npz} files read by {@code io}.
 * Depends on {@code linalg}, {@code rng}, {@code io} and {@code model} (teacher networks).
 */
package org.flowscape.data;
