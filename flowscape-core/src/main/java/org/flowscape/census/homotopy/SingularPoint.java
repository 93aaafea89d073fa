package org.flowscape.census.homotopy;

/**
 * A finite endpoint where the Jacobian of ∇L is singular (a multiple root, or a point of a positive-dimensional
 * solution set): not certified, reported with how many paths reached it.
 *
 * @param point      the endgame's estimate (interleaved re/im, length 2P)
 * @param paths      paths ending here (the multiplicity when the root is isolated)
 * @param maxWinding the largest cycle number among those paths
 * @param nearlyReal every |Im x_j| ≤ the real tolerance (not a proof)
 */
public record SingularPoint(double[] point, int paths, int maxWinding, boolean nearlyReal) {
    public SingularPoint {
        point = point.clone();
    }
}
