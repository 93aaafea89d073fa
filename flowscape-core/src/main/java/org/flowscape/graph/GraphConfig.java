package org.flowscape.graph;

import org.flowscape.linalg.Tolerance;

/**
 * Every setting of the landscape search ({@link LandscapeSearch}); the defaults are held once, in
 * {@link #defaults}, and recorded with the result.
 *
 * @param minima          stop basin hopping after this many distinct minima, &ge; 1
 * @param hops            the most basin-hopping steps, &ge; 0
 * @param hopStep         the initial standard deviation of a hop's Gaussian perturbation (per coordinate), &gt; 0;
 *                        adapted towards half the hops accepted
 * @param hopTemperature  the Metropolis temperature of basin hopping (in units of L), &gt; 0
 * @param images          interior images of the elastic band, &ge; 1
 * @param spring          the band's spring constant, &gt; 0
 * @param bandIterations  the most FIRE iterations of one band, &ge; 1
 * @param bandTolerance   the band is relaxed when the largest image force (2-norm) is below this
 * @param gradTol         stationary points are polished to ‖∇L‖₂ ≤ this
 * @param zero            a Hessian eigenvalue with |λ| ≤ abs + rel · spectral radius counts as zero
 * @param maxStep         the largest step (2-norm) of a quench or a saddle-search iteration, &gt; 0
 * @param pushOff         the first displacement along the unstable mode when quenching off a saddle, &gt; 0 (halved
 *                        until the checks hold)
 * @param saddleIterations the most hybrid eigenvector-following iterations per candidate, &ge; 1
 * @param denseLimit      up to this P the exact dense Hessian is used; above, Lanczos on Hessian-vector products
 * @param connectAttempts the most elastic bands run, &ge; 0
 * @param neighbours      how many nearest minima (alignment distance) each minimum is connected to, &ge; 1
 * @param identityTol     relative alignment distance under which two points are one entry, &gt; 0
 * @param certify         whether to certify every stationary point by interval arithmetic where possible
 * @param seed            the root seed (streams (seed, "graph-start"), (seed, "basin-hop", i), (seed, "lanczos", …))
 */
public record GraphConfig(int minima, int hops, double hopStep, double hopTemperature, int images, double spring,
        int bandIterations, double bandTolerance, double gradTol, Tolerance zero, double maxStep, double pushOff,
        int saddleIterations, int denseLimit, int connectAttempts, int neighbours, double identityTol,
        boolean certify, long seed) {

    public GraphConfig {
        if (minima < 1 || hops < 0 || images < 1 || bandIterations < 1 || saddleIterations < 1
                || connectAttempts < 0 || neighbours < 1 || denseLimit < 0) {
            throw new IllegalArgumentException("graph config needs minima >= 1, hops >= 0, images >= 1, "
                    + "bandIterations >= 1, saddleIterations >= 1, connectAttempts >= 0, neighbours >= 1, "
                    + "denseLimit >= 0");
        }
        if (!(hopStep > 0) || !(hopTemperature > 0) || !(spring > 0) || !(bandTolerance > 0) || !(gradTol > 0)
                || !(maxStep > 0) || !(pushOff > 0) || !(identityTol > 0) || zero == null) {
            throw new IllegalArgumentException("graph config needs hopStep, hopTemperature, spring, bandTolerance, "
                    + "gradTol, maxStep, pushOff and identityTol > 0 and a zero tolerance");
        }
    }

    /**
     * The defaults: 10 minima within 200 hops of step 0.5 at temperature 1, bands of 12 images with spring 1 relaxed
     * to force 1e-2 within 500 iterations, polish to 1e-10, zero at 1e-8 relative, steps up to 0.1, push-off 0.1,
     * 200 saddle iterations, dense Hessians up to P = 400, up to 40 bands to the 2 nearest minima, identity at 1e-6.
     */
    public static GraphConfig defaults(long seed) {
        return new GraphConfig(10, 200, 0.5, 1.0, 12, 1.0, 500, 1e-2, 1e-10, new Tolerance(0, 1e-8), 0.1, 0.1, 200,
                400, 40, 2, 1e-6, true, seed);
    }

    /** A copy with another target number of minima. */
    public GraphConfig withMinima(int n) {
        return new GraphConfig(n, hops, hopStep, hopTemperature, images, spring, bandIterations, bandTolerance,
                gradTol, zero, maxStep, pushOff, saddleIterations, denseLimit, connectAttempts, neighbours,
                identityTol, certify, seed);
    }

    /** A copy with other basin-hopping settings. */
    public GraphConfig withHops(int count, double step, double temperature) {
        return new GraphConfig(minima, count, step, temperature, images, spring, bandIterations, bandTolerance,
                gradTol, zero, maxStep, pushOff, saddleIterations, denseLimit, connectAttempts, neighbours,
                identityTol, certify, seed);
    }

    /** A copy with another step cap and push-off. */
    public GraphConfig withSteps(double step, double push) {
        return new GraphConfig(minima, hops, hopStep, hopTemperature, images, spring, bandIterations, bandTolerance,
                gradTol, zero, step, push, saddleIterations, denseLimit, connectAttempts, neighbours, identityTol,
                certify, seed);
    }

    /** A copy with another dense limit (0: always Lanczos) and certification switch. */
    public GraphConfig withDense(int limit, boolean doCertify) {
        return new GraphConfig(minima, hops, hopStep, hopTemperature, images, spring, bandIterations, bandTolerance,
                gradTol, zero, maxStep, pushOff, saddleIterations, limit, connectAttempts, neighbours, identityTol,
                doCertify, seed);
    }

    /** A copy with other connection settings. */
    public GraphConfig withConnect(int attempts, int nearest, int bandImages) {
        return new GraphConfig(minima, hops, hopStep, hopTemperature, bandImages, spring, bandIterations,
                bandTolerance, gradTol, zero, maxStep, pushOff, saddleIterations, denseLimit, attempts, nearest,
                identityTol, certify, seed);
    }
}
