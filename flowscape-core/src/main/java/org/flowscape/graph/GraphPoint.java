package org.flowscape.graph;

/**
 * One stationary point of the landscape database: a minimum or a transition state (index-1 saddle).
 *
 * @param id             its number in its list (minima and transition states are numbered separately, from 0)
 * @param theta          its canonical form ({@link Identity#canonical}), length P (copied)
 * @param loss           L there
 * @param gradNorm       ‖∇L‖₂ there
 * @param index          the Morse index (eigenvalues below −threshold of the dense spectrum, or of the Lanczos
 *                       extremes above the dense limit, where it is only counted up to 2)
 * @param nullity        eigenvalues within the threshold of 0 (dense only; −1 when not computed)
 * @param lambdaMin      the smallest Hessian eigenvalue (for a transition state, the unstable curvature)
 * @param lambdaNext     the second smallest (for a transition state, positive when it is index 1)
 * @param logDet         log |det H| over all P eigenvalues (dense only; NaN when not computed or singular)
 * @param certified      whether interval arithmetic proved a unique critical point there with index
 *                       {@code certifiedIndex}
 * @param certifiedIndex the proved index, or −1
 * @param certificate    one line: why it was or was not certified
 */
public record GraphPoint(int id, double[] theta, double loss, double gradNorm, int index, int nullity,
        double lambdaMin, double lambdaNext, double logDet, boolean certified, int certifiedIndex,
        String certificate) {

    public GraphPoint {
        theta = theta.clone();
    }

    /** The same point under another id. */
    public GraphPoint withId(int newId) {
        return new GraphPoint(newId, theta, loss, gradNorm, index, nullity, lambdaMin, lambdaNext, logDet, certified,
                certifiedIndex, certificate);
    }
}
