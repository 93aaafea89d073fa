package org.flowscape.reproduce;

/**
 * Where a claim's statement comes from ({@code theory.md}'s tags): a verdict built on {@link #ABSTRACT} or
 * {@link #RECONSTRUCTED} material checks our reading of the paper, not the paper's exact theorem, and the report says
 * so.
 */
public enum Basis {
    /** [P]: from the paper's full text. */
    PAPER("[P]", "from the paper's full text"),
    /** [A]: from the abstract or summaries only; hypotheses and constants not known. */
    ABSTRACT("[A]", "abstract/summaries only: the exact hypotheses are not known, this checks our reading"),
    /** [R]: reconstructed (standard mathematics or our own derivation), not a claim of the paper. */
    RECONSTRUCTED("[R]", "reconstructed: a check of the mechanism behind the claim, not of the paper's theorem");

    private final String tag;
    private final String meaning;

    Basis(String tag, String meaning) {
        this.tag = tag;
        this.meaning = meaning;
    }

    /** {@code [P]}, {@code [A]} or {@code [R]}. */
    public String tag() {
        return tag;
    }

    /** One line saying what the tag means for the verdict. */
    public String meaning() {
        return meaning;
    }
}
