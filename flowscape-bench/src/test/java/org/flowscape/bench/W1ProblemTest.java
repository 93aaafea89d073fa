package org.flowscape.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.rng.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class W1ProblemTest {

    @Test
    void hasTheDocumentedShapes() {
        W1Problem w1 = W1Problem.create();
        assertThat(w1.dim()).isEqualTo(1201);
        assertThat(w1.size()).isEqualTo(1000);
        assertThat(w1.data().inputDim()).isEqualTo(10);
        assertThat(w1.data().targetDim()).isEqualTo(1);
        assertThat(w1.objective().loss().spec()).isEqualTo("mse");
    }

    @Test
    void isTheSameBitsEveryTime() {
        W1Problem a = W1Problem.create();
        W1Problem b = W1Problem.create();
        assertThat(b.data().inputs().data()).isEqualTo(a.data().inputs().data());
        assertThat(b.data().targets().data()).isEqualTo(a.data().targets().data());
        assertThat(b.theta()).isEqualTo(a.theta());
    }

    @Test
    void targetsAreTheTeacherPlusNoiseOfTheStatedSize() {
        W1Problem w1 = W1Problem.create();
        Network teacher = Models.parse(W1Problem.TEACHER);
        double[] clean = teacher.predict(teacher.initialize(Seeds.derive(W1Problem.ROOT_SEED, "w1/teacher", 0)),
                w1.data().inputs()).data();
        double[] y = w1.data().targets().data();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (y[i] - clean[i]) * (y[i] - clean[i]);
        }
        double sd = Math.sqrt(sum / y.length);
        // n = 1000 draws: the sample sd is within 10% of 0.01 with overwhelming probability (about 4.5 sigma).
        assertThat(sd).isBetween(0.009, 0.011);
    }

    @Test
    void nudgedThetaDiffersInTheFirstEntryByOneUlp() {
        W1Problem w1 = W1Problem.create();
        double[] nudged = w1.nudgedTheta();
        assertThat(nudged[0]).isEqualTo(Math.nextUp(w1.theta()[0]));
        for (int i = 1; i < nudged.length; i++) {
            assertThat(nudged[i]).isEqualTo(w1.theta()[i]);
        }
    }

    @Test
    void exportRoundTripsThroughLittleEndianFiles(@TempDir Path dir) throws IOException {
        W1Problem w1 = W1Problem.create();
        W1Export.export(w1, dir);
        assertThat(Float64Files.read(dir.resolve("X.bin"))).isEqualTo(w1.data().inputs().data());
        assertThat(Float64Files.read(dir.resolve("Y.bin"))).isEqualTo(w1.data().targets().data());
        assertThat(Float64Files.read(dir.resolve("theta.bin"))).isEqualTo(w1.theta());
        assertThat(Files.size(dir.resolve("theta.bin"))).isEqualTo(8L * 1201);
        byte[] raw = Files.readAllBytes(dir.resolve("theta.bin"));
        long bits = 0;
        for (int b = 7; b >= 0; b--) {
            bits = (bits << 8) | (raw[b] & 0xFF);
        }
        assertThat(Double.longBitsToDouble(bits)).isEqualTo(w1.theta()[0]);
        assertThat(Files.readString(dir.resolve("w1.json"))).contains("\"P\": 1201", "\"n\": 1000",
                "[\"X.bin\", [1000, 10]]");
    }

    @Test
    void readRejectsATruncatedFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.bin");
        Files.write(f, new byte[12]);
        assertThatThrownBy(() -> Float64Files.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a whole number");
    }
}
