package org.flowscape.operation.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowscape.experiment.RecordBuffer;
import org.flowscape.experiment.RunSpec;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.operation.Tolerances;
import org.flowscape.spec.Problem;
import org.flowscape.spec.ProblemSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval operation: its settings, and the dense Hessian, H·v, the Jacobian's singular values and the conserved
 * quantities against closed forms.
 */
class EvalOperationTest {
    /** ± the singular values of Y = [[2, 1], [0, 1]]: sqrt(3 ± sqrt(5)) (README). */
    private static final double S1 = Math.sqrt(3 + Math.sqrt(5));
    private static final double S2 = Math.sqrt(3 - Math.sqrt(5));
    private static final String Y = "identity:2,target=[[2,1],[0,1]]";

    @TempDir
    Path tmp;

    private Problem factorizationAtZero() throws Exception {
        Path zeros = tmp.resolve("zeros.json");
        Files.writeString(zeros, "[0,0,0,0,0,0,0,0,0,0,0,0]");
        return Problem.load(new ProblemSpec("linear:2x3x2", Y, "frobenius", zeros, null));
    }

    @Test
    void defaultsAreStatedOnceAndShared() {
        EvalSettings s = EvalSettings.of(new RunSpec("k", "eval", Map.of(), 1, Map.of()));
        assertThat(s).isEqualTo(new EvalSettings(false, 1e-8, false, List.of(), false, List.of()));
        assertThat(s.zeroTol()).isEqualTo(Tolerances.ZERO_TOL_VALUE)
                .isEqualTo(Double.parseDouble(Tolerances.ZERO_TOL));
        assertThat(EvalSettings.studyTolerances()).containsEntry("zero-tol", 1e-8);
        assertThatThrownBy(() -> new EvalSettings(false, -1, false, List.of(), false, List.of()).validate())
                .hasMessageContaining("--zero-tol must be a finite number >= 0");
        assertThatThrownBy(() -> new EvalSettings(false, 0, false, List.of(), false, List.of("nope")).validate())
                .hasMessageContaining("unknown conserved quantity 'nope'");
    }

    @Test
    void printedHessianOfTheFactorizationHasTheReadmeClosedForm() throws Exception {
        Evaluation e = Evaluation.run(factorizationAtZero(), new EvalSettings(true, 1e-8, true, List.of(), false,
                List.of()), 0);
        double[] h = e.hessianMatrix();
        assertThat(h).hasSize(144);
        double[] ev = SymmetricEigen.values(new Matrix(12, 12, h.clone())).values();
        double[] expected = {-S1, -S1, -S1, -S2, -S2, -S2, S2, S2, S2, S1, S1, S1};
        for (int i = 0; i < 12; i++) {
            assertThat(ev[i]).isCloseTo(expected[i], offset(1e-12));
            assertThat(e.hessian().eigenvalues()[i]).isCloseTo(expected[i], offset(1e-12));
        }
        assertThat(S1).isCloseTo(2.2882456113, offset(1e-10));
        assertThat(S2).isCloseTo(0.8740320489, offset(1e-10));
        // at 0 only the W1-W2 cross terms survive: every entry is 0 or -Y_ab, the diagonal is 0
        for (int i = 0; i < 12; i++) {
            assertThat(h[i * 12 + i]).isZero();
            for (int j = 0; j < 12; j++) {
                assertThat(h[i * 12 + j]).isIn(0.0, -0.0, -2.0, -1.0).isEqualTo(h[j * 12 + i]);
            }
        }
        assertThat(Arrays.stream(h).filter(x -> x == -2).count()).isEqualTo(6); // Y_11 = 2, once per hidden unit
    }

    @Test
    void hessianVectorProductsMatchTheDenseHessian() throws Exception {
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i - 5.5;
        }
        Evaluation e = Evaluation.run(factorizationAtZero(), new EvalSettings(false, 1e-8, true, List.of(v), false,
                List.of()), 0);
        double[] hv = e.hvps().get(0).hv();
        for (int i = 0; i < 12; i++) {
            double want = 0;
            for (int j = 0; j < 12; j++) {
                want += e.hessianMatrix()[i * 12 + j] * v[j];
            }
            assertThat(hv[i]).isCloseTo(want, offset(1e-13));
        }
        assertThatThrownBy(() -> Evaluation.run(factorizationAtZero(), new EvalSettings(false, 1e-8, false,
                List.of(new double[3]), false, List.of()), 0)).hasMessageContaining("P = 12");
    }

    @Test
    void jacobianSingularValuesAndRank() throws Exception {
        // one layer f(x) = W x on the identity data: J is a permutation of the 4 x 4 identity
        Problem single = Problem.load(new ProblemSpec("linear:2x2", Y, "frobenius", null, 3L));
        Evaluation e = Evaluation.run(single, new EvalSettings(false, 1e-8, false, List.of(), true, List.of()), 0);
        assertThat(e.jacobian().values()).containsExactly(new double[] {1, 1, 1, 1}, offset(1e-15));
        assertThat(e.jacobian().rank()).isEqualTo(4);
        // the deep linear network at 0 has J = 0: rank 0
        Evaluation zero = Evaluation.run(factorizationAtZero(), new EvalSettings(false, 1e-8, false, List.of(), true,
                List.of()), 0);
        assertThat(zero.jacobian().rank()).isZero();
        assertThat(zero.jacobian().rows()).isEqualTo(4);
        assertThat(zero.jacobian().cols()).isEqualTo(12);
        RecordBuffer b = new RecordBuffer();
        EvalRecords.record(e, b);
        assertThat(b.metrics()).contains(new RecordBuffer.Metric("jacobian_rank", 4));
    }

    @Test
    void conservedQuantitiesAreSignedValuesAtTheta() throws Exception {
        Problem p = Problem.load(new ProblemSpec("linear:2x3x2", Y, "frobenius", null, 7L));
        Evaluation e = Evaluation.run(p, new EvalSettings(false, 1e-8, false, List.of(), false,
                List.of("imbalance")), 0);
        double[] t = p.theta(); // W1: 3 x 2 at 0, W2: 2 x 3 at 6, row-major
        Evaluation.Conserved c = e.conserved().get(0);
        assertThat(c.name()).isEqualTo("C_1");
        assertThat(c.values()).hasSize(9);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double w1 = t[2 * a] * t[2 * b] + t[2 * a + 1] * t[2 * b + 1]; // (W1 W1^T)_ab
                double w2 = t[6 + a] * t[6 + b] + t[9 + a] * t[9 + b]; // (W2^T W2)_ab
                assertThat(c.values()[3 * a + b]).isCloseTo(w1 - w2, offset(1e-14));
            }
        }
    }
}
