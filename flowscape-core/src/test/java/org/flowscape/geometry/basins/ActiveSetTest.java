package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.SquaredError;
import org.junit.jupiter.api.Test;

class ActiveSetTest {
    /** W3-like: a width-2 ReLU teacher, n = 50, d = 5, but another data seed than W3's. */
    static final Dataset DATA = Datasets.parse("teacher:n=50,d=5,width=2,act=relu,seed=314");
    static final double S = BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 50);

    private static BasinProgram program(int k, long seed, int init) {
        ReluNet net = ReluNet.initialization(5, k, seed, init);
        return BasinProgram.of(SignPattern.of(net, DATA.inputs()), DATA.inputs(), DATA.targets(), S);
    }

    @Test
    void certifiesWideProgramsFromZeroAndThroughTheSolver() {
        BasinSolver solver = new BasinSolver(1e-9);
        for (int k : new int[] {16, 32}) {
            for (int init = 0; init < 2; init++) {
                BasinProgram p = program(k, 99, init);
                boolean[] working = new boolean[p.groups() * p.m()];
                double[] u = ActiveSet.solve(p, new double[p.variables()], working, 20_000);
                KktCertificate cert = Kkt.certify(p, u, working, 1e-9);
                assertThat(cert.certified()).as("k=%d init=%d %s", k, init, cert).isTrue();
                ReluNet net = ReluNet.initialization(5, k, 99, init);
                BasinValue b = solver.solve(p, net);
                assertThat(b.certificate().certified()).as("solver k=%d init=%d %s", k, init, b).isTrue();
                // two certified optima of one convex program: the same value
                assertThat(b.value()).isCloseTo(p.loss(u), within(1e-10));
                assertThat(b.value()).isLessThan(p.loss(new double[p.variables()]));
            }
        }
    }

    @Test
    void agreesWithOjAlgoOnSmallPrograms() {
        for (int k : new int[] {2, 4}) {
            for (int init = 0; init < 3; init++) {
                BasinProgram p = program(k, 5, init);
                boolean[] working = new boolean[p.groups() * p.m()];
                double[] u = ActiveSet.solve(p, new double[p.variables()], working, 5000);
                assertThat(Kkt.certify(p, u, working, 1e-9).certified()).isTrue();
                double oj = p.loss(BasinSolver.ojalgo(p));
                // ojAlgo regularises the singular Q: agreement to its accuracy, and ours is never worse
                assertThat(p.loss(u)).isCloseTo(oj, within(1e-7 * (1 + oj)));
                assertThat(p.loss(u)).isLessThanOrEqualTo(oj + 1e-14);
            }
        }
    }

    @Test
    void infeasibleStartRestartsTheGroupAtZero() {
        BasinProgram p = program(4, 3, 0);
        double[] bad = new double[p.variables()];
        java.util.Arrays.fill(bad, 10); // violates constraints of every group
        boolean[] working = new boolean[p.groups() * p.m()];
        double[] u = ActiveSet.solve(p, bad, working, 5000);
        KktCertificate cert = Kkt.certify(p, u, working, 1e-9);
        assertThat(cert.certified()).as("%s", cert).isTrue();
        assertThat(cert.primalViolation()).isLessThan(1e-14); // round-off on working constraints only
    }
}
