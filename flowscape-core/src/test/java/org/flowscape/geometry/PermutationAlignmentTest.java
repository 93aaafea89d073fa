package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.rng.Seeds;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class PermutationAlignmentTest {

    @Test
    void hungarianMatchesBruteForceOnSmallMatrices() {
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial % 6;
            SplittableRandom r = Seeds.stream(17, "test-assignment", trial);
            double[] s = new double[n * n];
            for (int i = 0; i < s.length; i++) {
                s[i] = trial % 3 == 0 ? r.nextInt(3) : Seeds.gaussian(r);
            }
            int[] a = LinearAssignment.maximize(s, n);
            assertThat(a).as("a permutation").containsExactlyInAnyOrder(GeometryFixtures.permutation(n, 0, 0));
            assertClose("trial " + trial + " optimum", bruteForce(s, n, new int[n], new boolean[n], 0),
                    LinearAssignment.total(s, n, a), 1e-12, 1e-12);
        }
    }

    @Test
    void recoversAPlantedPermutationExactly() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:4-7-6-2:relu", 10, 11);
        Network net = f.network();
        double[] a = GeometryFixtures.gaussianTheta(f.dim(), 11, 0);
        int[] s1 = GeometryFixtures.permutation(7, 11, 1);
        int[] s2 = GeometryFixtures.permutation(6, 11, 2);
        double[] b = a.clone();
        PermutationAlignment.permuteUnits(net, 0, s1, b);
        PermutationAlignment.permuteUnits(net, 1, s2, b);
        assertThat(b).isNotEqualTo(a);
        Matrix x = f.data().inputs();
        assertClose("planted copy is the same function", net.predict(a, x).data(), net.predict(b, x).data(), 1e-12,
                1e-12);
        PermutationAlignment al = PermutationAlignment.align(net, a, b);
        assertThat(al.aligned()).containsExactly(a);
        for (int i = 0; i < 7; i++) {
            assertThat(s1[al.permutations()[0][i]]).isEqualTo(i);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(s2[al.permutations()[1][i]]).isEqualTo(i);
        }
        PathProfile p = LinearPath.profile(f, a, al.aligned(), 5, PathProfile.DEFAULT_TOLERANCE);
        assertThat(p.barrier()).isLessThan(1e-12);
    }

    @Test
    void alignedUnrelatedPointRealizesTheSameFunction() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:3-8-5-2:tanh", 12, 12);
        Network net = f.network();
        double[] a = GeometryFixtures.gaussianTheta(f.dim(), 12, 0);
        double[] b = GeometryFixtures.gaussianTheta(f.dim(), 12, 1);
        PermutationAlignment al = PermutationAlignment.align(net, a, b);
        Matrix x = Problems.gaussian(20, 3, 2, 5).inputs();
        assertClose("same function", net.predict(b, x).data(), net.predict(al.aligned(), x).data(), 1e-12, 1e-12);
        assertClose("same loss", f.value(b), f.value(al.aligned()), 1e-12, 1e-12);
        assertThat(al.permutations()[0]).hasSize(8);
        assertThat(al.permutations()[1]).hasSize(5);
        double identity = 0;
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                identity += a[i * 3 + c] * b[i * 3 + c];
            }
            identity += a[24 + i] * b[24 + i];
        }
        assertThat(al.similarity()[0]).isGreaterThanOrEqualTo(identity);
    }

    private static double bruteForce(double[] s, int n, int[] perm, boolean[] used, int row) {
        if (row == n) {
            return LinearAssignment.total(s, n, perm);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[row] = j;
                best = Math.max(best, bruteForce(s, n, perm, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }
}
