/**
 * Analysis of a loss landscape at a point: Hessian spectra (dense, Lanczos, Hutchinson/Hutch++ traces, stochastic
 * Lanczos quadrature densities), critical points (Newton/Levenberg–Marquardt polishing, saddle search,
 * classification against the symmetry orbit, interval certification, deduplication modulo discrete symmetries) and
 * the redundancy analysis of shallow networks (theory.md B.4). Everything consumes an
 * {@link org.flowscape.objective.Objective}; results are records that carry the tolerances and seeds they used.
 */
package org.flowscape.analysis;
