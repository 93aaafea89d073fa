package org.flowscape.geometry.basins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.SquaredError;
import org.junit.jupiter.api.Test;

class SingletonExactTest {
    @Test
    void closedFormsOfTheoryD5() {
        Dataset d4 = Datasets.parse("singleton:d=4,eps=0.1");
        SingletonExact e = SingletonExact.of(d4.inputs(), d4.targets(), 0.5 / 8);
        assertThat(e.alpha()).isCloseTo(0, within(1e-15));
        assertThat(e.probability(8)).isCloseTo(0.5347715, within(5e-8));
        Dataset d10 = Datasets.parse("singleton:d=10,eps=0.1");
        assertThat(SingletonExact.of(d10.inputs(), d10.targets(), 0.05).probability(32)).isCloseTo(0.9980371,
                within(5e-8));
        Dataset ortho = Datasets.parse("orthonormal:m=5,seed=1");
        assertThat(SingletonExact.of(ortho.inputs(), ortho.targets(), 0.1).probability(10)).isCloseTo(0.7852942,
                within(5e-8));
        assertThat(Bounds.theorem2(4, 8)).isCloseTo(0.1990966796875, within(1e-15));
        assertThat(Bounds.theorem4(5, 10)).isCloseTo(0.7184324264526367, within(1e-15));
    }

    @Test
    void basinProgramAgreesWithTheClosedFormPerInitialization() {
        // gaussian targets: some groups need v < 0, and alpha* > 0 where a coordinate has two points of one side
        Dataset ortho = Datasets.parse("orthonormal:m=4,y=gaussian,seed=3");
        double s = BasinSolver.scale(SquaredError.Normalization.HALF_MEAN, 4);
        SingletonExact e = SingletonExact.of(ortho.inputs(), ortho.targets(), s);
        BasinSolver solver = new BasinSolver(1e-9);
        for (int i = 0; i < 40; i++) {
            ReluNet net = ReluNet.initialization(4, 3, 9, i);
            BasinValue b = solver.solve(net, ortho.inputs(), ortho.targets(), s);
            assertThat(b.certificate().certified()).isTrue();
            assertThat(b.value() <= e.alpha() + 1e-12).as("init %d", i).isEqualTo(e.good(net));
        }
    }

    @Test
    void exactProbabilityLiesInTheMonteCarloWilsonBand() throws Exception {
        Dataset d3 = Datasets.parse("singleton:d=3,eps=0.1");
        BasinStudyConfig config = new BasinStudyConfig(new int[] {4}, 400, 1e-9, 17, "none", 0, 0, 2, 1e-9,
                SquaredError.Normalization.HALF_MEAN);
        WidthResult r = BasinMonteCarlo.run(d3, config).get(0);
        double exact = SingletonExact.of(d3.inputs(), d3.targets(), 0.5 / 6).probability(4);
        // 99.9% band so that this seeded check is not a coin flip
        Wilson band = Wilson.of(WidthResult.count(r.basinValue(), 1e-9), r.inits(), 3.2905267314919255);
        assertThat(band.contains(exact)).as("exact %s band %s", exact, band).isTrue();
        assertThat(r.certifiedCount()).isEqualTo(400);
    }
}
