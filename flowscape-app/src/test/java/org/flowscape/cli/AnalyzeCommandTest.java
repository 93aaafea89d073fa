package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscape.io.MlpStateDict;
import org.flowscape.io.NpyArray;
import org.flowscape.io.Npz;
import org.flowscape.io.Safetensors;
import org.flowscape.io.SafetensorsDtype;
import org.flowscape.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flowscape.operation.JsonOutput;

/**
 * {@code flowscape analyze} on a planted case with a closed form: a linear layer y = w·x + b fitted exactly, so L = 0,
 * ∇L = 0 and H = (1/n) Σ [x;1][x;1]ᵀ = [[2,1,2],[1,2,2],[2,2,4]]/4 (trace 2, determinant 1/16), a certified
 * non-degenerate minimum; and the user errors of broken files.
 */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private Path weights(double w1, double w2, double b) throws IOException {
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        sd.put("fc.weight", new NpyArray(new int[] {1, 2}, new double[] {w1, w2}));
        sd.put("fc.bias", new NpyArray(new int[] {1}, new double[] {b}));
        Path p = dir.resolve("lin.safetensors");
        Safetensors.write(p, sd, Map.of(), SafetensorsDtype.F32);
        return p;
    }

    private Path data() throws IOException {
        double[] x = {1, 0, 0, 1, 1, 1, 0, 0};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 2 * x[2 * i] - 3 * x[2 * i + 1] + 0.5;
        }
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put("x", new NpyArray(new int[] {4, 2}, x));
        a.put("y", new NpyArray(new int[] {4}, y));
        Path p = dir.resolve("data.npz");
        Npz.write(p, a);
        return p;
    }

    @Test
    void plantedLeastSquaresMinimumIsCertifiedWithTheClosedFormSpectrum() throws IOException {
        Path report = dir.resolve("report");
        Path vectors = dir.resolve("vectors.npz");
        CliRun run = CliRun.of("analyze", "--weights", weights(2, -3, 0.5).toString(), "--arch", "mlp:2-1:tanh",
                "--data", data().toString(), "--json", "--report", report.toString(), "--vectors", vectors.toString());
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonOutput.MAPPER.readTree(run.out());
        assertThat(doc.get("command").asText()).isEqualTo("analyze");
        assertThat(doc.get("loss").asDouble()).isEqualTo(0.0);
        assertThat(doc.get("gradient_norm").asDouble()).isEqualTo(0.0);
        JsonNode h = doc.get("hessian");
        assertThat(h.get("method").asText()).isEqualTo("dense");
        assertThat(h.get("eigenvalues")).hasSize(3);
        double trace = 0;
        double det = 1;
        for (int i = 0; i < 3; i++) {
            trace += h.get("eigenvalues").get(i).asDouble();
            det *= h.get("eigenvalues").get(i).asDouble();
            assertThat(h.get("residuals").get(i).asDouble()).isLessThan(1e-14);
        }
        assertThat(trace).isCloseTo(2.0, within(1e-14));
        assertThat(det).isCloseTo(1.0 / 16, within(1e-14));
        assertThat(h.get("index").asInt()).isZero();
        assertThat(doc.get("verdict").get("type").asText()).isEqualTo("minimum");
        assertThat(doc.get("verdict").get("certified").asBoolean()).as(run.out()).isTrue();
        // NTK = [x_i.x_j + 1] is 4 x 4 of rank 3
        assertThat(doc.get("ntk").get("size").asInt()).isEqualTo(4);
        assertThat(Math.abs(doc.get("ntk").get("lambda_min").asDouble())).isLessThan(1e-12);
        assertThat(doc.get("density").get("grid").size()).isEqualTo(200);
        assertThat(JsonOutput.MAPPER.readTree(report.resolve("analyze.json").toFile()).get("loss").asDouble())
                .isEqualTo(0.0);
        assertThat(Files.readString(report.resolve("analyze.txt"))).contains("verdict   MINIMUM, CERTIFIED");
        // the eigenvectors written for NumPy satisfy M v = lambda v with the closed-form M
        Map<String, NpyArray> a = Npz.read(vectors);
        assertThat(a.get("theta").data()).containsExactly(2, -3, 0.5);
        double[][] m = {{0.5, 0.25, 0.5}, {0.25, 0.5, 0.5}, {0.5, 0.5, 1}};
        double[] v = a.get("eigenvectors").data();
        assertThat(a.get("eigenvectors").shape()).containsExactly(3, 3);
        for (int i = 0; i < 3; i++) {
            double lambda = a.get("eigenvalues").data()[i];
            for (int r = 0; r < 3; r++) {
                double mv = m[r][0] * v[3 * i] + m[r][1] * v[3 * i + 1] + m[r][2] * v[3 * i + 2];
                assertThat(mv).isCloseTo(lambda * v[3 * i + r], within(1e-14));
            }
        }
    }

    @Test
    void polishReachesThePlantedMinimumAndWritesItBack() throws IOException {
        Path w = weights(1.9, -2.8, 0.4);
        CliRun run = CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh", "--data",
                data().toString(), "--polish");
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("polish    newton CONVERGED").contains("verdict   MINIMUM");
        Path polished = dir.resolve("lin.polished.safetensors");
        double[] theta = MlpStateDict.toTheta(Models.parse("mlp:2-1:tanh"), Safetensors.read(polished).tensors())
                .theta();
        assertThat(theta).containsExactly(new double[] {2, -3, 0.5}, within(1e-12));
        assertThat(Safetensors.read(polished).tensors().keySet()).containsExactly("fc.weight", "fc.bias");
    }

    @Test
    void gaussNewtonPolishReachesThePlantedMinimumAndNeedsASquaredError() throws IOException {
        Path w = weights(1.9, -2.8, 0.4);
        CliRun run = CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh", "--data",
                data().toString(), "--polish", "--polish-method", "gn");
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("CONVERGED").contains("verdict   MINIMUM");
        double[] theta = MlpStateDict.toTheta(Models.parse("mlp:2-1:tanh"),
                Safetensors.read(dir.resolve("lin.polished.safetensors")).tensors()).theta();
        assertThat(theta).containsExactly(new double[] {2, -3, 0.5}, within(1e-12));
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh",
                "--data", data().toString(), "--loss", "cost:log(cosh(x-y))", "--polish", "--polish-method", "gn"),
                "--polish-method gn (Gauss-Newton) needs a squared-error loss");
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh",
                "--data", data().toString(), "--polish", "--polish-method", "qn"), "unknown --polish-method 'qn'");
    }

    @Test
    void largeModelsUseLanczosAndReportNoCertificate() throws IOException {
        CliRun run = CliRun.of("analyze", "--weights", weights(1, 1, 0).toString(), "--arch", "mlp:2-1:tanh",
                "--data", data().toString(), "--dense-max", "0", "--json", "--extremes", "1");
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonOutput.MAPPER.readTree(run.out());
        assertThat(doc.get("hessian").get("method").asText()).isEqualTo("lanczos");
        assertThat(doc.get("verdict").get("type").asText()).isEqualTo("not_critical");
        assertThat(doc.get("verdict").get("certified").asBoolean()).isFalse();
    }

    @Test
    void brokenAndMismatchedFilesAreOneLineUserErrors() throws IOException {
        String data = data().toString();
        Path w = weights(2, -3, 0.5);
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-3-1:tanh",
                "--data", data), "does not match mlp:2-3-1:tanh");
        byte[] bytes = Files.readAllBytes(w);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", cut.toString(), "--arch", "mlp:2-1:tanh",
                "--data", data), "truncated");
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(1L << 40).array());
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", huge.toString(), "--arch", "mlp:2-1:tanh",
                "--data", data), "header claims 1099511627776 bytes");
        Path bomb = dir.resolve("bomb.npz");
        Files.write(bomb, new byte[100]);
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh",
                "--data", bomb.toString()), "not a valid npz");
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", dir.resolve("none.safetensors").toString(),
                "--arch", "mlp:2-1:tanh", "--data", data), "none.safetensors");
        Path other = dir.resolve("other.npz");
        Npz.write(other, Map.of("inputs", new NpyArray(new int[] {1}, new double[] {1})));
        UserErrorAssert.assertUserError(CliRun.of("analyze", "--weights", w.toString(), "--arch", "mlp:2-1:tanh",
                "--data", other.toString()), "holds arrays [inputs]");
    }
}
