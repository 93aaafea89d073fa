package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flowscape.operation.JsonOutput;

class CriticalCommandTest {
    @TempDir
    Path dir;

    /** theory.md B.6/B.7's data as a CSV file. */
    private String curve() throws IOException {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int t = 0; t <= 40; t++) {
            double x = -2 + 0.1 * t;
            sb.append(String.format(Locale.ROOT, "%s,%s%n", Double.toString(x),
                    Double.toString(Math.tanh(x) + 0.3 * x * x)));
        }
        Path p = dir.resolve("curve.csv");
        Files.writeString(p, sb.toString());
        return "csv:" + p;
    }

    private Path params(double... theta) throws IOException {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < theta.length; i++) {
            sb.append(i == 0 ? "" : ",").append(theta[i]);
        }
        Path p = dir.resolve("theta.json");
        Files.writeString(p, sb.append("]").toString());
        return p;
    }

    @Test
    void polishesClassifiesAndCertifiesTheEfficientTanhMinimum() throws Exception {
        Path theta = params(1.4345023072, 2.6877057950, -2.0846843737, -0.6820008867, 0.8708530835, 0.4716740385,
                1.0712327589);
        JsonNode doc = EvalCommandTest.json(CliRun.of("critical", "--model", "mlp:1-2-1:tanh", "--data", curve(),
                "--params", theta.toString(), "--certify", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("critical");
        JsonNode pt = doc.get("points").get(0);
        assertThat(pt.at("/polish/status").asText()).isEqualTo("converged");
        assertThat(pt.at("/polish/gradient_norm").asDouble()).isLessThanOrEqualTo(1e-12);
        assertThat(pt.at("/polish/history").size()).isGreaterThan(0);
        assertThat(pt.at("/classification/type").asText()).isEqualTo("minimum");
        assertThat(pt.at("/classification/loss").asDouble()).isCloseTo(0.0104463203265, within(1e-12));
        assertThat(pt.at("/classification/eigenvalues").size()).isEqualTo(7);
        assertThat(pt.at("/certificate/status").asText()).isEqualTo("certified");
        assertThat(pt.at("/certificate/index").asInt()).isZero();
        assertThat(pt.at("/redundancy/redundant").asBoolean()).isFalse();
        assertThat(doc.at("/census/orbits").asInt()).isEqualTo(1);
    }

    @Test
    void certifiesAnIllConditionedMinimumInExtendedPrecision() throws Exception {
        // reproduce B1's default-scale minimum with lambda_min/lambda_max = 2.9e-12 (PreciseCertifierTest)
        Path theta = params(-0.26713280771000175, 2.297816444470786, 1.199703191673138, 1.647118750839538,
                1.5070496045836812, -2.362530632612505, 127.65053778308275, 4.0605276149421226, 14.04218552602539,
                -107.15897232424211);
        String data = "smooth:n=60,d=1,lengthscale=0.5,seed=6590169570147288775";
        JsonNode doc = EvalCommandTest.json(CliRun.of("critical", "--model", "mlp:1-3-1:tanh", "--data", data,
                "--params", theta.toString(), "--certify", "--zero-tol", "1e-15", "--json"));
        JsonNode cert = doc.get("points").get(0).get("certificate");
        assertThat(cert.get("status").asText()).as(cert.toString()).isEqualTo("certified");
        assertThat(cert.get("digits").asInt()).isEqualTo(50);
        assertThat(cert.get("index").asInt()).isZero();
        assertThat(cert.get("reason").asText()).startsWith("double precision: ").contains("lambda_min in");
        JsonNode refused = EvalCommandTest.json(CliRun.of("critical", "--model", "mlp:1-3-1:tanh", "--data", data,
                "--params", theta.toString(), "--certify", "--json")).get("points").get(0).get("certificate");
        assertThat(refused.get("status").asText()).isEqualTo("not_certifiable");
        assertThat(refused.get("digits").asInt()).isEqualTo(16);
    }

    @Test
    void randomStartsConvergeToTheDeepLinearMinimaWhoseFlatnessIsAllSymmetry() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("critical", "--model", "linear:2x3x2", "--data",
                "identity:2,target=[[2,1],[0,1]]", "--loss", "frobenius", "--starts", "3", "--seed", "5", "--json"));
        assertThat(doc.get("points")).hasSize(3);
        assertThat(doc.at("/settings/starts").asInt()).isEqualTo(3);
        assertThat(doc.at("/census/converged").asInt()).isEqualTo(3);
        for (JsonNode pt : doc.get("points")) {
            assertThat(pt.get("warm_start").isObject()).isTrue();
            assertThat(pt.at("/classification/type").asText()).isEqualTo("degenerate_nonnegative");
            assertThat(pt.at("/classification/nullity").asInt()).isEqualTo(8);
            assertThat(pt.at("/classification/excess_nullity").asInt()).isZero();
            assertThat(pt.at("/classification/unexplained_nullity").asInt()).isZero();
            assertThat(pt.at("/classification/loss").asDouble()).isLessThan(1e-20);
        }
    }

    @Test
    void startsThatRunToInfinityEndInconclusive() throws Exception {
        CliRun run = CliRun.of("critical", "--model", "mlp:1-2-1:tanh", "--data", curve(), "--starts", "2", "--seed",
                "5", "--warm-iterations", "20", "--max-iterations", "20", "--json");
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.INCONCLUSIVE);
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(doc.at("/census/converged").asInt()).isZero();
        assertThat(doc.at("/points/0/polish/status").asText()).isEqualTo("max_iterations");
        assertThat(doc.at("/points/0/classification/type").asText()).isEqualTo("not_critical");
    }

    @Test
    void levenbergMarquardtFindsTheSaddleOfTheMatrixProblem() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("critical", "--model", "linear:2x3x2", "--data",
                "identity:2,target=[[2,1],[0,1]]", "--loss", "frobenius", "--params",
                params(new double[12]).toString(), "--polish", "lm", "--certify", "--json"));
        JsonNode pt = doc.get("points").get(0);
        assertThat(pt.at("/classification/type").asText()).isEqualTo("saddle");
        assertThat(pt.at("/classification/index").asInt()).isEqualTo(6);
        assertThat(pt.at("/certificate/index").asInt()).isEqualTo(6);
        assertThat(pt.get("redundancy").isNull()).isTrue();
    }

    @Test
    void textOutputAndUserErrors() throws Exception {
        CliRun run = CliRun.of("critical", "--model", "product:3", "--data", "identity:1,target=[[2]]", "--loss",
                "frobenius", "--params", params(1.1, 0.9, 2.1).toString(), "--certify");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("degenerate_nonnegative".toUpperCase(Locale.ROOT)).contains("NOT_CERTIFIABLE")
                .contains("census");
        CliRun bad = CliRun.of("critical", "--model", "product:3", "--data", "identity:1,target=[[2]]", "--polish",
                "gd");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.err()).contains("--polish");
    }

    @Test
    void gaussNewtonPolishesAnInterpolatingMinimumAndRefusesOtherLosses() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("critical", "--model", "linear:2x3x2", "--data",
                "identity:2,target=[[2,1],[0,1]]", "--loss", "frobenius", "--seed", "5", "--polish", "gn", "--json"));
        assertThat(doc.at("/settings/polish").asText()).isEqualTo("gn");
        JsonNode pt = doc.get("points").get(0);
        assertThat(pt.at("/polish/status").asText()).isEqualTo("converged");
        assertThat(pt.at("/polish/gradient_norm").asDouble()).isLessThanOrEqualTo(1e-12);
        assertThat(pt.at("/classification/type").asText()).isEqualTo("degenerate_nonnegative");
        assertThat(pt.at("/classification/loss").asDouble()).isLessThan(1e-20);
        CliRun bad = CliRun.of("critical", "--model", "linear:2x2", "--data", "identity:2,target=[[1,0],[0,1]]",
                "--loss", "xent", "--polish", "gn");
        assertThat(bad.exit()).as(bad.describe()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.err()).contains("--polish gn").contains("squared-error").contains("newton or lm");
    }

    /** Under --time-limit the points polished so far are printed and marked; the JSON says it stopped. */
    @Test
    void aTimeLimitKeepsAndPrintsThePointsFoundSoFar() throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("critical", "--model", "mlp:2-6-1:tanh", "--data", "gaussian:n=30,d=2,seed=1",
                "--starts", "100000", "--seed", "1", "--time-limit", "1");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
        assertThat(run.out()).contains("start 0 ").containsPattern("stopped   by the time limit after \\d+ of 100000 "
                + "starts; the points above are kept");
        // exit 0 or 3 (no start converged yet): either way the document is printed
        JsonNode doc = JsonOutput.MAPPER.readTree(CliRun.of("critical", "--model", "mlp:2-6-1:tanh", "--data",
                "gaussian:n=30,d=2,seed=1", "--starts", "100000", "--seed", "1", "--time-limit", "0.5", "--json")
                .out());
        assertThat(doc.get("stopped").asText()).isEqualTo("time limit");
        assertThat(doc.get("points").size()).isGreaterThan(0).isLessThan(100000);
        assertThat(CliRun.of("critical", "--model", "mlp:1-2-1:tanh", "--data", curve(), "--time-limit", "-1").err())
                .contains("--time-limit must be a number of seconds >= 0");
    }
}
