package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --print-hessian / --hvp / --jacobian / --conserved} as a user types them. */
class EvalCapabilitiesTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheReadmeHessianAndItsProducts() throws Exception {
        Path zeros = tmp.resolve("zeros.json");
        Files.writeString(zeros, "[0,0,0,0,0,0,0,0,0,0,0,0]");
        String[] args = {"eval", "--model", "linear:2x3x2", "--data", "identity:2,target=[[2,1],[0,1]]", "--loss",
            "frobenius", "--params", zeros.toString(), "--hessian", "--print-hessian", "--hvp",
            "1,0,0,0,0,0,0,0,0,0,0,0"};
        CliRun text = CliRun.of(args);
        assertThat(text.exit()).as(text.describe()).isZero();
        assertThat(text.out()).contains("H         12 x 12, row by row").contains("H.v       v = 1.000000000 0.0")
                .contains("min -2.288245611").contains("max 2.288245611");
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        JsonNode doc = EvalCommandTest.json(CliRun.of(withJson));
        JsonNode h = doc.get("hessian_matrix");
        assertThat(h).hasSize(12);
        JsonNode hv = doc.get("hvp").get(0).get("hv");
        for (int i = 0; i < 12; i++) {
            assertThat(hv.get(i).asDouble()).isEqualTo(h.get(i).get(0).asDouble()); // H e_1 = first column
        }
        assertThat(doc.get("hessian").get("inertia").get("zero_tol_rel").asDouble()).isEqualTo(1e-8);
    }

    @Test
    void jacobianAndConservedForAnyModel() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("eval", "--model", "mlp:2-3-1:tanh", "--data",
                "teacher:n=15,d=2,width=2,seed=4", "--seed", "1", "--jacobian", "--json"));
        JsonNode j = doc.get("jacobian");
        assertThat(j.get("rows").asInt()).isEqualTo(15);
        assertThat(j.get("cols").asInt()).isEqualTo(13);
        assertThat(j.get("singular_values")).hasSize(13);
        assertThat(j.get("rank").asInt()).isBetween(1, 13);
        JsonNode c = EvalCommandTest.json(CliRun.of("eval", "--model", "product:2", "--data",
                "identity:1,target=[[3]]", "--loss", "frobenius", "--seed", "2", "--conserved", "imbalance",
                "--json")).get("conserved");
        assertThat(c.get(0).get("name").asText()).isEqualTo("C_1");
        double c1 = c.get(0).get("values").get(0).asDouble();
        assertThat(c.get(1).get("values").get(0).asDouble()).isCloseTo(c1 * c1, offset(1e-14));
    }

    @Test
    void aShortHvpVectorIsAUserError() {
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", "product:2", "--data", "identity:1,target=[[3]]",
                "--hvp", "1,2,3"), "P = 2");
        UserErrorAssert.assertUserError(CliRun.of("eval", "--model", "product:2", "--data", "identity:1,target=[[3]]",
                "--conserved", "energy"), "unknown conserved quantity");
    }
}
