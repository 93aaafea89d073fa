/**
 * Loss-landscape geometry around and between parameter vectors: 1-D and 2-D slices along filter-normalized random
 * directions ({@link org.flowscape.geometry.FilterNormalization}, Li et al. 2018), Hessian eigenvectors or the plane
 * through three points ({@link org.flowscape.geometry.SliceDirections}, {@link org.flowscape.geometry.Slices});
 * straight paths with barrier and monotonicity ({@link org.flowscape.geometry.LinearPath}) after aligning hidden
 * units by weight matching ({@link org.flowscape.geometry.PermutationAlignment}); projections of trajectories onto a
 * slice's plane ({@link org.flowscape.geometry.TrajectoryProjection}); the monotone path of Safran and Shamir's
 * Theorem 1 ({@link org.flowscape.geometry.MonotonePath}) and their 1-D example behind Figures 2 and 3
 * ({@link org.flowscape.geometry.SafranShamirExample}).
 *
 * <p>Depends on {@code objective}, {@code model}, {@code loss}, {@code analysis} (spectra), {@code linalg} and
 * {@code rng}; must not depend on {@code experiment}, {@code report} or {@code cli}. The ReLU basin tools live in the
 * sub-package {@code basins}.
 */
package org.flowscape.geometry;
