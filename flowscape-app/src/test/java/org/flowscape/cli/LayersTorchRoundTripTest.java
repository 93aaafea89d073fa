package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.data.NpyData;
import org.flowscape.io.LayerStateDict;
import org.flowscape.io.Safetensors;
import org.flowscape.loss.Losses;
import org.flowscape.model.layers.LayerModel;
import org.flowscape.model.layers.LayerSpecs;
import org.flowscape.objective.LayerRisk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flowscape.operation.JsonOutput;

/**
 * A round trip of {@code layers:} models through real PyTorch ({@code /usr/bin/python3} with Debian's python3-torch):
 * {@code src/test/resources/interop/torch_layers_roundtrip.py} builds the {@code nn.Sequential} of each spec (Conv1d,
 * Conv2d with stride and padding, AvgPool, Flatten, Linear, activations, nested residual wrappers), saves its state
 * dict (float32 or float64), data, and its own float64 loss, gradient and Hessian-vector product; Flowscape maps the
 * state dict by name and must agree to 1e-10 relative. Then {@code flowscape analyze} on the same files reports the
 * same loss, and {@code --polish} writes weights PyTorch loads. Skipped, with the reason, where Python or torch is
 * missing.
 */
class LayersTorchRoundTripTest {
    private static final String[] CASES = {
        "a;layers:1x6x6/conv=3,3,1,1/tanh/avgpool=2/flatten/dense=2;mse;float32;1",
        "b;layers:2x9/conv=3,3,2,1/relu/res(conv=3,3,1,1/tanh)/flatten/dense=3;xent;float64;2",
        "c;layers:2x5x5/conv=4,2,2,1:nobias/sigmoid/res(conv=4,3,1,1/tanh/conv=4,3,1,1)/avgpool=3/flatten"
            + "/dense=2:nobias;mse;float64;3",
        "d;layers:4/dense=6/tanh/res(dense=6/relu/dense=6)/res(res(dense=6/softplus))/dense=2;mse;float64;4"};

    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void saveInPython() throws Exception {
        script = TorchPython.save(dir, "torch_layers_roundtrip.py", CASES);
    }

    @Test
    void lossGradientAndHessianVectorProductAgreeWithPyTorchToTenDigits() throws IOException {
        for (String c : CASES) {
            String[] f = c.split(";");
            Path d = dir.resolve(f[0]);
            LayerModel model = LayerSpecs.parse(f[1]);
            LayerStateDict sd = LayerStateDict.toTheta(model, Safetensors.read(d.resolve("model.safetensors"))
                    .tensors());
            double[] theta = sd.theta();
            Dataset data = NpyData.readNpz("npz", d.resolve("data.npz"));
            LayerRisk risk = new LayerRisk(model, Losses.parse(f[2]), data);
            JsonNode expected = JsonOutput.MAPPER.readTree(d.resolve("expected.json").toFile());
            List<String> torchKeys = new ArrayList<>();
            expected.get("keys").forEach(k -> torchKeys.add(k.asText()));
            assertThat(sd.keys()).as(c + " keys in theta's order").isEqualTo(torchKeys);
            double[] g = new double[theta.length];
            double loss = risk.valueAndGradient(theta, g);
            double torchLoss = expected.get("loss").asDouble();
            assertThat(Math.abs(loss - torchLoss)).as(c + " loss").isLessThanOrEqualTo(1e-10 * Math.abs(torchLoss));
            assertRelative(c + " gradient", expected.get("grad"), g);
            double[] v = values(expected.get("v"));
            double[] hv = new double[theta.length];
            risk.hessianVectorProduct(theta, v, hv);
            assertRelative(c + " H v", expected.get("hv"), hv);
        }
    }

    private static double[] values(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static void assertRelative(String what, JsonNode expected, double[] got) {
        assertThat(expected.size()).as(what).isEqualTo(got.length);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < got.length; i++) {
            double t = expected.get(i).asDouble();
            diff += (got[i] - t) * (got[i] - t);
            norm += t * t;
        }
        assertThat(Math.sqrt(diff)).as(what).isLessThanOrEqualTo(1e-10 * Math.sqrt(norm));
    }

    @Test
    void analyzeReadsTheStateDictAndPolishedWeightsGoBackToPyTorch() throws Exception {
        String[] f = CASES[3].split(";");
        Path d = dir.resolve(f[0]);
        Path out = dir.resolve("d-polished.safetensors");
        CliRun run = CliRun.of("analyze", "--weights", d.resolve("model.safetensors").toString(), "--arch", f[1],
                "--data", d.resolve("data.npz").toString(), "--json", "--polish", "--out", out.toString(),
                "--grad-tol", "1e-10");
        assertThat(run.exit()).as(run.describe()).isIn(ExitCodes.OK, ExitCodes.INCONCLUSIVE);
        JsonNode doc = JsonOutput.MAPPER.readTree(run.out());
        TorchPython.Result check = TorchPython.run(script.toString(), "check", out.toString(), f[1], f[2],
                d.resolve("data.npz")
                .toString());
        assertThat(check.exit()).as(check.out()).isZero();
        JsonNode torch = JsonOutput.MAPPER.readTree(check.out());
        double loss = doc.get("loss").asDouble();
        assertThat(Math.abs(torch.get("loss").asDouble() - loss)).isLessThanOrEqualTo(1e-10 * Math.abs(loss));
        double gnorm = doc.get("gradient_norm").asDouble();
        assertThat(Math.abs(torch.get("grad_norm").asDouble() - gnorm)).as("|grad| at the polished weights")
                .isLessThanOrEqualTo(1e-8 * Math.max(gnorm, 1e-6));
    }
}
