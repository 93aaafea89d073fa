package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscape.data.Dataset;
import org.flowscape.data.NpyData;
import org.flowscape.io.Half;
import org.flowscape.io.MlpStateDict;
import org.flowscape.io.Npy;
import org.flowscape.io.NpyArray;
import org.flowscape.io.Safetensors;
import org.flowscape.io.SafetensorsFile;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flowscape.operation.JsonOutput;

/**
 * A round trip through real PyTorch ({@code /usr/bin/python3} with Debian's python3-torch): Python saves MLPs
 * (float32, float16, bfloat16 and float64 weights; mse and cross-entropy) with their data and its own float64 loss
 * and gradient ({@code src/test/resources/interop/torch_roundtrip.py}); Flowscape reads them and must agree to 1e-10
 * relative. Then {@code flowscape analyze --polish} writes polished weights, which PyTorch loads and finds critical.
 * Skipped, with the reason, where Python or torch is missing.
 */
class AnalyzeTorchRoundTripTest {
    private static final String[] CASES = {"a:3-5-2:tanh:mse:float32:1", "b:4-6-3:relu:xent:float16:2",
        "c:3-4-4-2:sigmoid:mse:bfloat16:3", "d:2-3-1:tanh:mse:float64:4"};

    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void saveInPython() throws Exception {
        script = TorchPython.save(dir, "torch_roundtrip.py", CASES);
    }

    private static String arch(String widths, String act) {
        return "mlp:" + widths + ":" + act;
    }

    @Test
    void lossAndGradientAgreeWithPyTorchToTenDigits() throws IOException {
        for (String c : CASES) {
            String[] f = c.split(":");
            Path d = dir.resolve(f[0]);
            Network net = Models.parse(arch(f[1], f[2]));
            double[] theta = MlpStateDict.toTheta(net, Safetensors.read(d.resolve("model.safetensors")).tensors())
                    .theta();
            Dataset data = NpyData.readNpz("npz", d.resolve("data.npz"));
            EmpiricalRisk risk = new EmpiricalRisk(net, Losses.parse(f[3]), data);
            double[] g = new double[theta.length];
            double loss = risk.valueAndGradient(theta, g);
            JsonNode expected = JsonOutput.MAPPER.readTree(d.resolve("expected.json").toFile());
            double torchLoss = expected.get("loss").asDouble();
            assertThat(Math.abs(loss - torchLoss)).as(c + " loss").isLessThanOrEqualTo(1e-10 * Math.abs(torchLoss));
            double diff = 0;
            double norm = 0;
            assertThat(expected.get("grad").size()).as(c).isEqualTo(g.length);
            for (int i = 0; i < g.length; i++) {
                double t = expected.get("grad").get(i).asDouble();
                diff += (g[i] - t) * (g[i] - t);
                norm += t * t;
            }
            assertThat(Math.sqrt(diff)).as(c + " gradient").isLessThanOrEqualTo(1e-10 * Math.sqrt(norm));
        }
    }

    @Test
    void halfPrecisionWideningMatchesTorchOnAllPatterns() throws IOException {
        SafetensorsFile f = Safetensors.read(dir.resolve("halves.safetensors"));
        NpyArray torch = Npy.read(dir.resolve("halves.npy"));
        double[] f16 = f.tensors().get("f16").data();
        double[] bf16 = f.tensors().get("bf16").data();
        for (int i = 0; i < 65536; i++) {
            assertSameValue(torch.data()[i], f16[i], i);
            assertSameValue(torch.data()[65536 + i], bf16[i], i);
            assertSameValue(Half.float16ToDouble(i), f16[i], i);
        }
    }

    private static void assertSameValue(double want, double got, int bits) {
        if (Double.isNaN(want)) {
            assertThat(got).as("pattern %04x", bits).isNaN();
        } else {
            assertThat(Double.doubleToRawLongBits(got)).as("pattern %04x", bits)
                    .isEqualTo(Double.doubleToRawLongBits(want));
        }
    }

    @Test
    void analyzeMatchesTorchAndPolishedWeightsGoBackToPyTorch() throws Exception {
        Path d = dir.resolve("a");
        Path out = dir.resolve("a-polished.safetensors");
        CliRun run = CliRun.of("analyze", "--weights", d.resolve("model.safetensors").toString(), "--arch",
                arch("3-5-2", "tanh"), "--data", d.resolve("data.npz").toString(), "--json", "--polish", "--out",
                out.toString(), "--grad-tol", "1e-11");
        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonOutput.MAPPER.readTree(run.out());
        assertThat(doc.get("polish").get("converged").asBoolean()).isTrue();
        TorchPython.Result check = TorchPython.run(script.toString(), "check", out.toString(), "3-5-2", "tanh", "mse",
                d.resolve("data.npz").toString());
        assertThat(check.exit()).as(check.out()).isZero();
        JsonNode torch = JsonOutput.MAPPER.readTree(check.out());
        double loss = doc.get("loss").asDouble();
        assertThat(Math.abs(torch.get("loss").asDouble() - loss)).isLessThanOrEqualTo(1e-10 * Math.abs(loss));
        assertThat(torch.get("grad_norm").asDouble()).as("PyTorch's |grad| at Flowscape's polished weights")
                .isLessThan(1e-9);
    }
}
