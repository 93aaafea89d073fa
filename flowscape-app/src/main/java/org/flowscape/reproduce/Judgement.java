package org.flowscape.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * A claim's verdict with the number that decided it.
 *
 * @param verdict holds, fails or inconclusive
 * @param deciding the deciding number in words, e.g. {@code max relative drift 3.1e-11 <= 1e-8}
 * @param details further lines (one per sub-check)
 * @param table an optional table for the report: header row first, may be empty
 */
public record Judgement(Verdict verdict, String deciding, List<String> details, List<List<String>> table) {
    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(deciding, "deciding");
        details = List.copyOf(details);
        table = table.stream().map(List::copyOf).toList();
    }

    /** A judgement without a table. */
    public static Judgement of(Verdict verdict, String deciding, List<String> details) {
        return new Judgement(verdict, deciding, details, List.of());
    }

    /** A copy with a table (header row first). */
    public Judgement withTable(List<List<String>> rows) {
        return new Judgement(verdict, deciding, details, rows);
    }
}
