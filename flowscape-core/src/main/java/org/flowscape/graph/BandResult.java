package org.flowscape.graph;

import java.util.List;

/**
 * A relaxed elastic band.
 *
 * @param images     the images, endpoints included ((images + 2) × P, row-major; copied)
 * @param energies   L at each image (images + 2)
 * @param candidates interior images that are local maxima of L along the band, highest first
 * @param iterations FIRE iterations used
 * @param maxForce   the largest image force (2-norm) at the end
 * @param converged  whether the largest force fell below the tolerance
 */
public record BandResult(double[][] images, double[] energies, List<Integer> candidates, int iterations,
        double maxForce, boolean converged) {
    public BandResult {
        double[][] c = new double[images.length][];
        for (int i = 0; i < images.length; i++) {
            c[i] = images[i].clone();
        }
        images = c;
        energies = energies.clone();
        candidates = List.copyOf(candidates);
    }

    /** A copy of image {@code i}. */
    public double[] image(int i) {
        return images[i].clone();
    }
}
