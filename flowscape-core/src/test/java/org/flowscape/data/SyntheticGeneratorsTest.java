package org.flowscape.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.model.Activations;
import org.flowscape.model.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Shape, determinism and distributional sanity of the seeded generators (bounds loose, seeds fixed). */
class SyntheticGeneratorsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "gaussian:n=40,d=3,k=2,seed=S",
        "sphere:n=40,d=3,k=2,seed=S",
        "teacher:n=40,d=3,width=4,k=2,noise=0.1,seed=S",
        "smooth:n=40,d=3,k=2,seed=S",
        "clustered:n=40,d=3,clusters=4,noise=0.1,seed=S",
        "lowdim:n=40,d=5,rank=2,seed=S",
        "orthonormal:m=6,y=gaussian,seed=S",
        "identity:3,k=2,seed=S"})
    void sameSeedSameBitsOtherSeedOtherBits(String template) {
        Dataset a = Datasets.parse(template.replace("S", "17"));
        Dataset b = Datasets.parse(template.replace("S", "17"));
        Dataset c = Datasets.parse(template.replace("S", "18"));
        assertArrayEquals(a.inputs().data(), b.inputs().data());
        assertArrayEquals(a.targets().data(), b.targets().data());
        assertFalse(Arrays.equals(a.targets().data(), c.targets().data()), template);
    }

    @Test
    void shapes() {
        assertShape(Datasets.parse("sphere:n=7,d=4,seed=1"), 7, 4, 1);
        assertShape(Datasets.parse("smooth:n=7,d=4,k=3,seed=1"), 7, 4, 3);
        assertShape(Datasets.parse("clustered:n=9,d=4,clusters=3,seed=1"), 9, 4, 1);
        assertShape(Datasets.parse("lowdim:n=9,d=4,rank=2,seed=1"), 9, 4, 1);
        assertShape(Datasets.parse("singleton:d=3"), 6, 3, 1);
        assertShape(Datasets.parse("orthonormal:m=5,seed=1"), 5, 5, 1);
        assertShape(Datasets.parse("identity:3,k=2,seed=1"), 3, 3, 2);
    }

    private static void assertShape(Dataset ds, int n, int d, int k) {
        assertEquals(n, ds.size());
        assertEquals(d, ds.inputDim());
        assertEquals(k, ds.targetDim());
    }

    @Test
    void spherePointsHaveUnitNormAndNoPreferredDirection() {
        Matrix x = Datasets.parse("sphere:n=3000,d=3,seed=5").inputs();
        double[] mean = new double[3];
        for (int i = 0; i < x.rows(); i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += x.get(i, j) * x.get(i, j);
                mean[j] += x.get(i, j) / x.rows();
            }
            assertEquals(1, Math.sqrt(s), 1e-12);
        }
        for (double m : mean) {
            assertTrue(Math.abs(m) < 0.05, "mean coordinate " + m); // sd 1/sqrt(3·3000) ≈ 0.011
        }
        Matrix line = Datasets.parse("sphere:n=20,d=1,seed=5").inputs();
        for (double v : line.data()) {
            assertEquals(1, Math.abs(v), 0);
        }
    }

    @Test
    void smoothTargetsAreUnitVarianceAndCorrelateAtShortRange() {
        Dataset ds = Datasets.parse("smooth:n=2000,d=2,lengthscale=1,seed=9");
        double[] y = ds.targets().data();
        double ss = 0;
        for (double v : y) {
            ss += v * v;
        }
        // one random function: its empirical variance is near 1 but fluctuates with the draw of ω
        double var = ss / y.length;
        assertTrue(var > 0.3 && var < 3, "variance " + var);
        // nearby inputs (within 0.05) have nearby targets: |Δy| ≲ gradient · 0.05
        Matrix x = ds.inputs();
        int close = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = i + 1; j < 300; j++) {
                double dx = Math.hypot(x.get(i, 0) - x.get(j, 0), x.get(i, 1) - x.get(j, 1));
                if (dx < 0.05) {
                    close++;
                    assertTrue(Math.abs(y[i] - y[j]) < 0.5, "targets jump " + Math.abs(y[i] - y[j]));
                }
            }
        }
        assertTrue(close > 0, "no close pairs to compare");
    }

    @Test
    void clusteredPointsLieInTheirBallsAndShareTheirClusterTarget() {
        int d = 3;
        double radius = 0.05;
        Dataset ds = Datasets.parse("clustered:n=60,d=3,clusters=4,radius=0.05,seed=2");
        Matrix c = ClusteredData.centres(4, d, 2);
        for (int j = 0; j < 4; j++) {
            assertEquals(1, Math.sqrt(dot(c.row(j), c.row(j))), 1e-12);
        }
        for (int i = 0; i < 60; i++) {
            double[] diff = ds.inputs().row(i);
            double[] centre = c.row(i % 4);
            for (int m = 0; m < d; m++) {
                diff[m] -= centre[m];
            }
            assertTrue(Math.sqrt(dot(diff, diff)) <= radius * (1 + 1e-12));
            assertEquals(ds.targets().get(i % 4, 0), ds.targets().get(i, 0), 0);
        }
        assertFalse(ds.targets().get(0, 0) == ds.targets().get(1, 0));
        assertEquals(2 * Math.sin(Math.sqrt(2 * Math.PI) / (16 * 10 * Math.sqrt(10))), ClusteredData.theoremRadius(10),
                0);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void lowdimHasTheRequestedRankAndLiesInTheUnitBall() {
        Dataset ds = Datasets.parse("lowdim:n=50,d=8,rank=3,seed=4");
        double[] sv = SingularValues.of(ds.inputs()).values();
        double[] sorted = sv.clone();
        Arrays.sort(sorted);
        double top = sorted[sorted.length - 1];
        int rank = 0;
        for (double s : sv) {
            rank += s > 1e-10 * top ? 1 : 0;
        }
        assertEquals(3, rank, Arrays.toString(sv));
        double maxNorm = 0;
        for (int i = 0; i < 50; i++) {
            maxNorm = Math.max(maxNorm, Math.sqrt(dot(ds.inputs().row(i), ds.inputs().row(i))));
        }
        assertEquals(1, maxNorm, 1e-12);
        Network teacher = TeacherData.network(8, 2, 1, Activations.relu());
        assertArrayEquals(teacher.predict(TeacherData.parameters(teacher, 4), ds.inputs()).data(),
                ds.targets().data());
        Matrix q = LowRankData.basis(8, 3, 4);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int m = 0; m < 8; m++) {
                    s += q.get(m, a) * q.get(m, b);
                }
                assertEquals(a == b ? 1 : 0, s, 1e-14);
            }
        }
    }

    @Test
    void singletonMatchesTheoryD5() {
        Dataset ds = Datasets.parse("singleton:d=2");
        double r = Math.sqrt(0.2);
        assertArrayEquals(new double[] {0.5, 0, -1, 0, 0, 0.5, 0, -1}, ds.inputs().data(), 0);
        assertArrayEquals(new double[] {r, 1, r, 1}, ds.targets().data(), 0);
        Dataset e = Datasets.parse("singleton:d=1,eps=0.02");
        assertArrayEquals(new double[] {0.2, 1}, e.targets().data(), 1e-16);
        // L_S(w) = ½[([w/2]+ − √(2ε))² + ([−w]+ − 1)²] at w = 2 (theory.md D.5: 0.652786 for ε = 0.1)
        double[] y = Datasets.parse("singleton:d=1").targets().data();
        double w = 2;
        double loss = 0.5 * (Math.pow(Math.max(w / 2, 0) - y[0], 2) + Math.pow(Math.max(-w, 0) - y[1], 2));
        assertEquals(0.652786, loss, 1e-6);
    }

    @Test
    void orthonormalIsTheIdentityWithPositiveTargets() {
        Dataset ds = Datasets.parse("orthonormal:m=200,seed=3");
        assertArrayEquals(Matrix.identity(200).data(), ds.inputs().data(), 0);
        for (double y : ds.targets().data()) {
            assertTrue(y >= 0.1, "target " + y);
        }
        Dataset g = Datasets.parse("orthonormal:m=200,y=gaussian,seed=3");
        long negatives = Arrays.stream(g.targets().data()).filter(v -> v < 0).count();
        assertTrue(negatives > 60 && negatives < 140, "negatives " + negatives);
        assertArrayEquals(Arrays.stream(g.targets().data()).map(v -> Math.abs(v) + 0.1).toArray(),
                ds.targets().data(), 0);
    }

    @Test
    void teacherUsesAFreshStreamPerPurpose() {
        Dataset t = Datasets.parse("teacher:n=5,d=3,width=2,seed=8");
        Dataset g = Datasets.parse("gaussian:n=5,d=3,seed=8");
        assertArrayEquals(g.inputs().data(), t.inputs().data());
        assertFalse(Arrays.equals(g.targets().data(), t.targets().data()));
    }
}
