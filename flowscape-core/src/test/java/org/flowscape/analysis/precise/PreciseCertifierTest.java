package org.flowscape.analysis.precise;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.Certifier;
import org.flowscape.analysis.DenseSpectrum;
import org.flowscape.analysis.Fixtures;
import org.flowscape.data.Datasets;
import org.flowscape.linalg.Tolerance;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

/**
 * The extended-precision certificate on theory.md B.7's minimum, on an efficient minimum with λ_min/λ_max ≈ 3e-12 that
 * double precision cannot certify (found by {@code flowscape reproduce}'s B1 at default scale; λ_min = 4.180885818e-9
 * by a 50-digit mpmath Newton refinement), and on planted failures: a line of degenerate critical points, a point that
 * is not critical, and models outside its reach.
 */
class PreciseCertifierTest {
    /** B1's ill-conditioned minimum: mlp:1-3-1:tanh, mse, on this data. */
    static final String DATA = "smooth:n=60,d=1,lengthscale=0.5,seed=6590169570147288775";
    static final double[] THETA = {-0.26713280771000175, 2.297816444470786, 1.199703191673138, 1.647118750839538,
        1.5070496045836812, -2.362530632612505, 127.65053778308275, 4.0605276149421226, 14.04218552602539,
        -107.15897232424211};
    static final double LAMBDA_MIN = 4.180885818e-9;

    static EmpiricalRisk illConditioned() {
        return new EmpiricalRisk(Models.parse("mlp:1-3-1:tanh"), Losses.mse(), Datasets.parse(DATA));
    }

    @Test
    void certifiesTheB7MinimumWithAnEnclosureOfLambdaMin() {
        PreciseCertificate c = PreciseCertifier.certify(Fixtures.shallowTanh(2), Fixtures.b7Minimum(), 40);
        assertThat(c.status()).as(c.reason()).isEqualTo(Certificate.Status.CERTIFIED);
        assertThat(c.index()).isZero();
        assertThat(c.digits()).isEqualTo(40);
        assertThat(c.lambdaMinLower()).isCloseTo(4.0005e-4, org.assertj.core.data.Offset.offset(5e-9));
        assertThat(c.lambdaMinUpper()).isCloseTo(4.0005e-4, org.assertj.core.data.Offset.offset(5e-9))
                .isGreaterThanOrEqualTo(c.lambdaMinLower());
        assertThat(c.gradientBound()).isLessThan(1e-28);
        assertThat(c.shift()).isBetween(1e-12, 1e-8);
    }

    @Test
    void certifiesAnIllConditionedMinimumThatDoublePrecisionCannot() {
        EmpiricalRisk f = illConditioned();
        Certificate quick = Certifier.certify(f, THETA, new Tolerance(0, 1e-15));
        assertThat(quick.status()).as(quick.reason()).isEqualTo(Certificate.Status.NOT_PROVED);
        PreciseCertificate c = PreciseCertifier.certify(f, THETA, PreciseCertifier.DEFAULT_DIGITS);
        assertThat(c.status()).as(c.reason()).isEqualTo(Certificate.Status.CERTIFIED);
        assertThat(c.index()).isZero();
        assertThat(c.lambdaMinLower()).isLessThanOrEqualTo(LAMBDA_MIN).isGreaterThan(0.9999 * LAMBDA_MIN);
        assertThat(c.lambdaMinUpper()).isGreaterThanOrEqualTo(LAMBDA_MIN).isLessThan(1.0001 * LAMBDA_MIN);
        Certificate combined = Certification.certify(f, THETA, new Tolerance(0, 1e-15));
        assertThat(combined.certified()).isTrue();
        assertThat(combined.digits()).isEqualTo(PreciseCertifier.DEFAULT_DIGITS);
        assertThat(combined.reason()).startsWith("double precision: ").contains("50-digit");
    }

    @Test
    void certificationStaysInDoublePrecisionWhenThatSucceeds() {
        EmpiricalRisk f = Fixtures.shallowTanh(2);
        Certification.Attempts a = Certification.attempts(f, Fixtures.b7Minimum(), DenseSpectrum.DEFAULT_TOLERANCE);
        assertThat(a.quick().certified()).isTrue();
        assertThat(a.quick().digits()).isEqualTo(Certificate.DOUBLE);
        assertThat(a.precise()).isNull();
    }

    @Test
    void neverCertifiesALineOfDegenerateCriticalPoints() {
        // theory.md B.6: the one-neuron minimum split at lambda = 0 lies on a line of critical points
        // (three zero eigenvalues)
        double a = 1.2367377031;
        double w = 1.1292278056;
        double b = -1.0156833585;
        double[] theta = {w, w, b, b, 0, a, 0.9438370039};
        PreciseCertificate c = PreciseCertifier.certify(Fixtures.shallowTanh(2), theta, 30);
        assertThat(c.certified()).as(c.reason()).isFalse();
        assertThat(c.status()).isEqualTo(Certificate.Status.NOT_PROVED);
    }

    @Test
    void doesNotCertifyAPointFarFromCriticalOrModelsOutOfReach() {
        double[] theta = Fixtures.b7Minimum();
        theta[6] += 0.5;
        theta[0] -= 1;
        PreciseCertificate far = PreciseCertifier.certify(Fixtures.shallowTanh(2), theta, 30);
        assertThat(far.certified() && far.shift() < 1e-3).as(far.reason()).isFalse();
        EmpiricalRisk relu = new EmpiricalRisk(Models.parse("mlp:2-3-1:relu"), Losses.mse(),
                Problems.gaussian(10, 2, 1, 1));
        PreciseCertificate r = PreciseCertifier.certify(relu, relu.network().initialize(1), 30);
        assertThat(r.status()).isEqualTo(Certificate.Status.NOT_CERTIFIABLE);
        assertThat(r.reason()).contains("relu");
        EmpiricalRisk big = new EmpiricalRisk(Models.parse("mlp:10-40-1:tanh"), Losses.mse(),
                Problems.gaussian(50, 10, 1, 1));
        assertThat(PreciseCertifier.refusal(big)).contains("limit");
    }
}
