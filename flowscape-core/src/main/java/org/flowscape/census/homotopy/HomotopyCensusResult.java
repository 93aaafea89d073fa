package org.flowscape.census.homotopy;

import java.util.List;

/**
 * The complete complex census of a polynomial gradient system ∇L = 0. Every path is accounted for:
 * {@code paths = regularPaths + singularPaths + atInfinity + failed}.
 *
 * @param description   what was solved (model, data, loss, weight decay)
 * @param parameters    P, the number of unknowns
 * @param paths         the Bézout number Π deg(∂L/∂θ_i), one path each
 * @param regularPaths  paths ending at a finite, well-conditioned point
 * @param certified     distinct finite solutions proved by the Krawczyk test
 * @param real          of those, proved real
 * @param nonReal       of those, proved non-real
 * @param uncertified   regular endpoints the Krawczyk test did not prove (reported, not counted as solutions)
 * @param duplicates    regular paths that ended at an already certified root (a sign of path jumping)
 * @param singularPaths paths ending at a finite singular point
 * @param atInfinity    paths ending at infinity
 * @param failed        paths whose tracking or endgame did not finish
 * @param morseSum      Σ (−1)^index over the certified real solutions with a nondegenerate Hessian
 * @param solutions     the certified solutions, real first, then by loss value
 * @param singular      the singular points (clusters of singular endpoints)
 * @param failures      the failed and uncertified paths, with their reasons
 * @param settings      the settings used
 * @param seconds       wall-clock time of the census
 */
public record HomotopyCensusResult(String description, int parameters, long paths, int regularPaths, int certified,
        int real, int nonReal, int uncertified, int duplicates, int singularPaths, int atInfinity, int failed,
        int morseSum, List<CertifiedSolution> solutions, List<SingularPoint> singular, List<PathResult> failures,
        HomotopySettings settings, double seconds) {
    public HomotopyCensusResult {
        solutions = List.copyOf(solutions);
        singular = List.copyOf(singular);
        failures = List.copyOf(failures);
    }

    /** Distinct finite solutions found: certified roots plus singular points. */
    public int finite() {
        return certified + singular.size();
    }

    /** True when every path ended (none failed) and every regular endpoint was certified. */
    public boolean complete() {
        return failed == 0 && uncertified == 0;
    }
}
