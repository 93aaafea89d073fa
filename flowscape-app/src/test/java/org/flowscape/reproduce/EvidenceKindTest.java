package org.flowscape.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.experiment.RunSpec;
import org.junit.jupiter.api.Test;

/**
 * Every claim states its evidence kind (issue 13's classification of A1, A3, A5, B2, D1, D2 as checks of the
 * instrument), and results.json and the page carry it.
 */
class EvidenceKindTest {
    @Test
    void everyClaimHasTheKindItWasClassifiedAs() {
        Map<String, Evidence> kinds = new TreeMap<>();
        Claims.all().forEach(c -> kinds.put(c.id(), c.evidence()));
        assertThat(kinds).containsEntry("A1", Evidence.INSTRUMENT_CHECK).containsEntry("A3", Evidence.INSTRUMENT_CHECK)
                .containsEntry("A5", Evidence.INSTRUMENT_CHECK).containsEntry("B2", Evidence.INSTRUMENT_CHECK)
                .containsEntry("D1", Evidence.INSTRUMENT_CHECK).containsEntry("D2", Evidence.INSTRUMENT_CHECK)
                .containsEntry("A2", Evidence.CONSEQUENCE).containsEntry("A4", Evidence.CONSEQUENCE)
                .containsEntry("B1", Evidence.EMPIRICAL_TEST).containsEntry("C1", Evidence.EMPIRICAL_TEST)
                .containsEntry("C2", Evidence.EMPIRICAL_TEST).containsEntry("D3", Evidence.EMPIRICAL_TEST)
                .containsEntry("C3", Evidence.EMPIRICAL_TEST)
                .containsEntry("A6", Evidence.CONSEQUENCE).containsEntry("A7", Evidence.CONSEQUENCE);
    }

    @Test
    void resultsJsonAndPageShowTheKind() {
        Claim a1 = Claims.byId("A1");
        ClaimResult r = new ClaimResult(a1, Scale.SMOKE, new RunSpec("t", "A1", Map.of(), 1, Map.of()),
                new Records(), Judgement.of(Verdict.HOLDS, "planted", List.of()), List.of(), 0);
        Invocation p = Invocation.here("reproduce", Scale.SMOKE, 0, 1, Instant.EPOCH, 0);
        ObjectNode doc = ReproduceReport.json(List.of(r), p);
        assertThat(doc.get("claims").get(0).get("evidence").asText()).isEqualTo("instrument check");
        String html = ReproducePage.page(List.of(r), p).html();
        assertThat(html).contains("A1 [P] (instrument check)", "Evidence: instrument check");
    }
}
