package org.flowscape.census;

/**
 * The consistency checks run on every census.
 *
 * @param eulerSum         Σ (−1)^index over the certified points with a proved index
 * @param boundaryOutward  the gradient was proved to point outward on the whole boundary of the box
 *                         (∂L/∂θ_k &gt; 0 on the face θ_k = hi_k, &lt; 0 on θ_k = lo_k), so by Poincaré–Hopf the sum
 *                         over the critical points inside must be 1 (as Morse theory gives for a coercive loss)
 * @param euler            HOLDS, FAILS or NOT_APPLICABLE (boundary not proved outward, undecided boxes, or an index
 *                         not proved)
 * @param eulerText        one line saying which and why
 * @param samples          random starts polished in the sampled census
 * @param samplesConverged how many converged to a critical point
 * @param pointsFound      how many certified points the converged starts found
 * @param outsideFound     distinct converged points inside the box that lie in no certified enclosure (they must be
 *                         in undecided boxes; with none undecided this is a contradiction worth reporting)
 */
public record Consistency(int eulerSum, boolean boundaryOutward, Verdict euler, String eulerText, int samples,
        int samplesConverged, int pointsFound, int outsideFound) {

    /** The outcome of the Euler check. */
    public enum Verdict {
        HOLDS, FAILS, NOT_APPLICABLE
    }
}
