package org.flowscape.census.homotopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndgameTest {
    private static List<PathResult> runAll(List<Polynomial> f, long seed) {
        TotalDegreeHomotopy h = new TotalDegreeHomotopy(new PolynomialSystem(f), seed);
        Endgame e = new Endgame(h, TrackerSettings.defaults());
        List<PathResult> out = new ArrayList<>();
        for (long k = 0; k < h.pathCount(); k++) {
            out.add(e.run(k));
        }
        return out;
    }

    @Test
    void doubleRootIsReachedByTwoPathsThroughTheCauchyEndgame() {
        // (x − ½)² = 0, y − 2x = 0: Bézout 2, both paths end at the double root (½, 1) with cycle number 2, since
        // near t = 1 the paths are x − ½ ≈ ±sqrt(¾·γ·(1 − t)) (a root shared with the start system, like x = 1
        // here, would instead be reached by analytic paths of cycle number 1)
        Polynomial x = Polynomial.variable(2, 0);
        Polynomial y = Polynomial.variable(2, 1);
        List<Polynomial> f = List.of(x.minus(Polynomial.constant(2, 0.5)).pow(2), y.minus(x.scale(2, 0)));
        for (long seed = 1; seed <= 3; seed++) {
            List<PathResult> paths = runAll(f, seed);
            assertEquals(2, paths.size());
            for (PathResult p : paths) {
                assertEquals(PathStatus.SINGULAR, p.status(), p.reason());
                assertEquals(2, p.winding());
                double[] a = p.affine();
                assertEquals(0.5, a[0], 1e-8);
                assertEquals(0, a[1], 1e-8);
                assertEquals(1, a[2], 1e-8);
                assertEquals(0, a[3], 1e-8);
            }
        }
    }

    @Test
    void tripleCriticalPointOfAQuarticIsOneSingularPointOfThreePaths() {
        // L = x⁴/4: ∇L = x³ has the triple root 0; it is reported once, singular, never certified
        PolynomialLoss loss = new PolynomialLoss(Polynomial.variable(1, 0).pow(4).scale(0.25, 0), "x^4/4");
        HomotopyCensusResult r = HomotopyCensus.run(loss, HomotopySettings.defaults(5));
        assertEquals(3, r.paths());
        assertEquals(3, r.singularPaths());
        assertEquals(1, r.singular().size());
        assertEquals(3, r.singular().get(0).paths());
        assertEquals(0, r.singular().get(0).point()[0], 1e-8);
        assertEquals(0, r.certified());
    }

    @Test
    void solutionAtInfinityIsDetected() {
        // xy − 2 = 0, x − 1 = 0: Bézout 2, one finite root (1, 2), one path to infinity
        Polynomial x = Polynomial.variable(2, 0);
        Polynomial y = Polynomial.variable(2, 1);
        List<Polynomial> f = List.of(x.times(y).minus(Polynomial.constant(2, 2)), x.minus(Polynomial.constant(2, 1)));
        for (long seed = 1; seed <= 3; seed++) {
            List<PathResult> paths = runAll(f, seed);
            long regular = paths.stream().filter(p -> p.status() == PathStatus.REGULAR).count();
            long infinite = paths.stream().filter(p -> p.status() == PathStatus.AT_INFINITY).count();
            assertEquals(1, regular);
            assertEquals(1, infinite);
            PathResult root = paths.stream().filter(p -> p.status() == PathStatus.REGULAR).findFirst().orElseThrow();
            assertEquals(1, root.affine()[0], 1e-12);
            assertEquals(2, root.affine()[2], 1e-12);
        }
    }

    @Test
    void everyPathIsAccountedFor() {
        HomotopyCensusResult r = HomotopyCensus.run(HomotopyCensusTest.factorisation(0.3),
                HomotopySettings.defaults(9));
        assertEquals(r.paths(), r.regularPaths() + r.singularPaths() + r.atInfinity() + r.failed());
        assertTrue(r.complete());
    }
}
