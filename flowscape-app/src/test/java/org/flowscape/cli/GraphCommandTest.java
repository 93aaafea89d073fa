package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    private static final String[] PROBLEM = {"--model", "mlp:1-2-1:tanh", "--data", "smooth:n=20,d=1,seed=3",
        "--seed", "1", "--hops", "20", "--minima", "2"};

    @TempDir
    Path tmp;

    private static String[] args(String... extra) {
        String[] all = new String[1 + PROBLEM.length + extra.length];
        all[0] = "graph";
        System.arraycopy(PROBLEM, 0, all, 1, PROBLEM.length);
        System.arraycopy(extra, 0, all, 1 + PROBLEM.length, extra.length);
        return all;
    }

    @Test
    void jsonStoreAndReportAgree() throws Exception {
        Path out = tmp.resolve("g");
        JsonNode doc = EvalCommandTest.json(CliRun.of(args("--json", "--out", out.toString())));
        assertThat(doc.get("command").asText()).isEqualTo("graph");
        int minima = doc.get("minima").size();
        assertThat(minima).isEqualTo(doc.at("/sampling/minima").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(doc.get("transition_states").size()).isEqualTo(doc.at("/sampling/transition_states").asInt());
        assertThat(doc.at("/tree/nodes").size()).isGreaterThanOrEqualTo(minima);
        assertThat(doc.at("/tree/energy_step").asDouble()).isPositive();
        assertThat(doc.get("barriers").size()).isEqualTo(minima * (minima - 1) / 2);
        for (JsonNode b : doc.get("barriers")) {
            if (b.get("connected").asBoolean()) {
                double low = Math.max(doc.at("/minima/" + b.get("from").asInt() + "/loss").asDouble(),
                        doc.at("/minima/" + b.get("to").asInt() + "/loss").asDouble());
                assertThat(b.get("height").asDouble()).isGreaterThanOrEqualTo(low);
            }
        }
        assertThat(doc.at("/settings/rate_model").asText()).isEqualTo("overdamped");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("results.duckdb"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(loss) FROM graph_minima")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(minima);
            assertThat(rs.getDouble(2)).isEqualTo(doc.at("/minima").findValues("loss").stream()
                    .mapToDouble(JsonNode::asDouble).min().getAsDouble());
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Disconnectivity graph").contains("<svg").contains("Sampling");
        assertThat(Files.readString(out.resolve("graph.json"))).contains("\"transition_states\"");
    }

    @Test
    void textSaysWhatWasSampled() {
        CliRun run = CliRun.of(args());
        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("sampled").contains("minima").contains("certified").contains("connected");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        UserErrorAssert.assertUserError(CliRun.of(args("--temperature", "0")), "--temperature");
        UserErrorAssert.assertUserError(CliRun.of(args("--rate-model", "eyring")), "rate model");
        UserErrorAssert.assertUserError(CliRun.of("graph", "--model", "mlp:1-2-1:tanh", "--data",
                "smooth:n=20,d=1,seed=3", "--minima", "0"), "--minima");
    }

    @Test
    void closedFormTwoWellIsCertifiedAndMatchesTheCensus() throws Exception {
        JsonNode doc = EvalCommandTest.json(CliRun.of("graph", "--model", "fn:(p1^2-1)^2 + 0.5*(p2-0.3*p1^2)^2",
                "--minima", "2", "--seed", "1", "--temperature", "0.05", "--census-box", "-2:2", "--json"));
        assertThat(doc.at("/sampling/minima_certified").asInt()).isEqualTo(2);
        assertThat(doc.at("/sampling/transition_states_certified").asInt()).isEqualTo(1);
        assertThat(doc.at("/barriers/0/certified_height").asDouble()).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-10));
        // Kramers high friction: sqrt(8 * 4) / (2 pi) exp(-1 / 0.05) (det H = f'' for the sheared valley)
        double k = Math.sqrt(32) / (2 * Math.PI) * Math.exp(-20);
        assertThat(doc.at("/rates/pairs/0/rate").asDouble()).isCloseTo(k,
                org.assertj.core.api.Assertions.within(1e-6 * k));
        assertThat(doc.at("/census/complete").asBoolean()).isTrue();
        assertThat(doc.at("/census/certified_minima").asInt()).isEqualTo(2);
        assertThat(doc.at("/census/found_minima").asInt()).isEqualTo(2);
        assertThat(doc.at("/census/found_saddles").asInt()).isEqualTo(1);
    }
}
