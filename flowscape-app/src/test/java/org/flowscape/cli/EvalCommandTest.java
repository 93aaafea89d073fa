package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EvalCommandTest {
    static final String SMALL_MODEL = "mlp:3-4-2:tanh";
    static final String SMALL_DATA = "gaussian:n=6,d=3,k=2,seed=1";

    static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.err()).as(run.describe()).isEmpty();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void jsonOfTheReadmeModelHasTheFullSpectrum() throws Exception {
        JsonNode doc = json(CliRun.of("eval", "--model", "mlp:10-100-1:tanh", "--data",
                "teacher:n=40,d=10,width=5,noise=0.01,seed=1", "--hessian", "--json"));
        assertThat(doc.get("command").asText()).isEqualTo("eval");
        assertThat(doc.at("/problem/model/parameters").asInt()).isEqualTo(1201);
        assertThat(doc.at("/problem/model/layout")).hasSize(4);
        assertThat(doc.at("/problem/data/n").asInt()).isEqualTo(40);
        assertThat(doc.at("/problem/loss/spec").asText()).isEqualTo("mse");
        assertThat(doc.get("loss").isDouble()).isTrue();
        assertThat(Double.isFinite(doc.get("loss").asDouble())).isTrue();
        assertThat(doc.at("/gradient/norm2").asDouble()).isPositive();
        JsonNode h = doc.get("hessian");
        assertThat(h.get("eigenvalues")).hasSize(1201);
        JsonNode inertia = h.get("inertia");
        assertThat(inertia.get("negative").asInt() + inertia.get("zero").asInt() + inertia.get("positive").asInt())
                .isEqualTo(1201);
        assertThat(h.get("min").asDouble()).isEqualTo(h.get("eigenvalues").get(0).asDouble());
        assertThat(h.get("max").asDouble()).isEqualTo(h.get("eigenvalues").get(1200).asDouble());
        assertThat(doc.at("/ntk/computed").asBoolean()).isTrue();
        assertThat(doc.at("/ntk/size").asInt()).isEqualTo(40);
        assertThat(doc.at("/theta/source").asText()).isEqualTo("seed");
        assertThat(doc.at("/theta/seed").asLong()).isZero();
        assertThat(doc.at("/blas/backend").asText()).isNotEmpty();
    }

    @Test
    void textOutputSummarizesTheProblemAndSpectrum() {
        CliRun run = CliRun.of("eval", "--model", SMALL_MODEL, "--data", SMALL_DATA, "--hessian", "--seed", "3");
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("P = 26").contains("layer1.weight").contains("4x3").contains("n = 6, d = 3")
                .contains("seed 3").contains("inertia").contains("smallest").contains("largest")
                .contains("ntk").contains("blas");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withoutHessianThereIsNoSpectrum() throws Exception {
        JsonNode doc = json(CliRun.of("eval", "--model", SMALL_MODEL, "--data", SMALL_DATA, "--json"));
        assertThat(doc.get("hessian").isNull()).isTrue();
        assertThat(doc.get("ntk").isNull()).isTrue();
    }

    @Test
    void sameSeedGivesTheSameBitsAndAnotherSeedDiffers() throws Exception {
        String[] args = {"eval", "--model", SMALL_MODEL, "--data", SMALL_DATA, "--json", "--seed", "7"};
        double a = json(CliRun.of(args)).get("loss").asDouble();
        double b = json(CliRun.of(args)).get("loss").asDouble();
        args[args.length - 1] = "8";
        double c = json(CliRun.of(args)).get("loss").asDouble();
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void zeroTolChangesTheThreshold() throws Exception {
        JsonNode doc = json(CliRun.of("eval", "--model", SMALL_MODEL, "--data", SMALL_DATA, "--hessian", "--json",
                "--zero-tol", "1e-3"));
        JsonNode inertia = doc.at("/hessian/inertia");
        double radius = Math.max(Math.abs(doc.at("/hessian/min").asDouble()), doc.at("/hessian/max").asDouble());
        assertThat(inertia.get("zero_tol_rel").asDouble()).isEqualTo(1e-3);
        assertThat(inertia.get("threshold").asDouble()).isCloseTo(1e-3 * radius, within(1e-15));
    }

    @Test
    void ntkIsSkippedAboveItsLimit() throws Exception {
        JsonNode doc = json(CliRun.of("eval", "--model", "mlp:1-2-1:tanh", "--data", "gaussian:n=4001,d=1,seed=1",
                "--hessian", "--json"));
        assertThat(doc.at("/ntk/computed").asBoolean()).isFalse();
        assertThat(doc.at("/ntk/skipped_reason").asText()).contains("4001");
        assertThat(doc.at("/ntk/min").isNull()).isTrue();
    }

    @Test
    void paperAFactorizationHasTheClosedFormSpectrum(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path zeros = dir.resolve("zeros.json");
        java.nio.file.Files.writeString(zeros, Arrays.toString(new double[12]));
        JsonNode doc = json(CliRun.of("eval", "--model", "linear:2x3x2", "--data", "identity:2,target=[[2,1],[0,1]]",
                "--loss", "frobenius", "--params", zeros.toString(), "--hessian", "--json"));
        // At θ = 0 the Hessian of ½‖W2 W1 − Y‖² couples W1 and W2 only: eigenvalues ±σ_i(Y), each once per hidden
        // unit. σ(Y)² are the eigenvalues 3 ± √5 of YᵀY.
        double s1 = Math.sqrt(3 + Math.sqrt(5));
        double s2 = Math.sqrt(3 - Math.sqrt(5));
        assertThat(s1).isCloseTo(2.2882456113, within(1e-10));
        assertThat(s2).isCloseTo(0.8740320489, within(1e-10));
        double[] expected = {-s1, -s1, -s1, -s2, -s2, -s2, s2, s2, s2, s1, s1, s1};
        JsonNode ev = doc.at("/hessian/eigenvalues");
        assertThat(ev).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(ev.get(i).asDouble()).as("eigenvalue %d", i).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(doc.at("/hessian/inertia/negative").asInt()).isEqualTo(6);
        assertThat(doc.at("/hessian/inertia/positive").asInt()).isEqualTo(6);
        assertThat(doc.at("/theta/source").asText()).isEqualTo("file");
        assertThat(doc.at("/problem/loss/spec").asText()).isEqualTo("frobenius");
        assertThat(doc.get("loss").asDouble()).isCloseTo(0.5 * (4 + 1 + 0 + 1), within(1e-15));
    }
}
