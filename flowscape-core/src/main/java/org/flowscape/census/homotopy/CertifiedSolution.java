package org.flowscape.census.homotopy;

/**
 * One distinct finite solution of the gradient system, proved by the Krawczyk test.
 *
 * @param point   the approximate root (interleaved re/im, length 2P)
 * @param box     the certified box's largest half-width: exactly one root lies within it of {@code point}
 * @param real    proved real (else proved non-real when {@code nonReal}, otherwise undecided)
 * @param nonReal proved non-real
 * @param paths   how many paths ended at it (1 for a simple root; more means path jumping elsewhere)
 * @param value   L at the real point (NaN unless real)
 * @param index   the Morse index from the exact Hessian (−1 unless real)
 * @param nullity the Hessian's zero eigenvalues at the classifier's tolerance (−1 unless real)
 * @param type    the classifier's verdict, e.g. MINIMUM or SADDLE (empty unless real)
 * @param margin  for a piecewise-polynomial model, the signed margin of the real point in its activation pattern
 *                (positive: inside, so it is a critical point of the network's loss); NaN otherwise
 */
public record CertifiedSolution(double[] point, double box, boolean real, boolean nonReal, int paths, double value,
        int index, int nullity, String type, double margin) {
    public CertifiedSolution {
        point = point.clone();
    }

    /** The real parts of the point (length P), the real critical point when {@link #real}. */
    public double[] realPart() {
        double[] x = new double[point.length / 2];
        for (int j = 0; j < x.length; j++) {
            x[j] = point[2 * j];
        }
        return x;
    }

    /** A copy with another path count. */
    CertifiedSolution withPaths(int p) {
        return new CertifiedSolution(point, box, real, nonReal, p, value, index, nullity, type, margin);
    }
}
