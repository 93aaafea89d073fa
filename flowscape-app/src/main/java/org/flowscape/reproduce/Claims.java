package org.flowscape.reproduce;

import java.util.List;
import java.util.Locale;

/** The registry of claims, in report order. */
public final class Claims {
    private Claims() {
    }

    /** Every claim, paper by paper. */
    public static List<Claim> all() {
        return List.of(new ClaimA1(), new ClaimA2(), new ClaimA3(), new ClaimA4(), new ClaimA5(), new ClaimA6(),
                new ClaimA7(), new ClaimB1(), new ClaimB2(), new ClaimC1(), new ClaimC2(), new ClaimC3(), new ClaimD1(),
                new ClaimD2(), new ClaimD3());
    }

    /** The claims of {@code paper} ({@code A}..{@code D}, or {@code all}). */
    public static List<Claim> ofPaper(String paper) {
        String p = paper.trim().toUpperCase(Locale.ROOT);
        if (p.equals("ALL")) {
            return all();
        }
        List<Claim> out = all().stream().filter(c -> c.paper().equals(p)).toList();
        if (out.isEmpty() && !List.of("A", "B", "C", "D").contains(p)) {
            throw new IllegalArgumentException("unknown paper '" + paper + "'; use A, B, C, D or all");
        }
        return out;
    }

    /** The claim with this id (e.g. {@code A1}). */
    public static Claim byId(String id) {
        return all().stream().filter(c -> c.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown claim '" + id + "'"));
    }
}
