package org.flowscape.reproduce;

/**
 * What kind of evidence a claim's verdict is, beside its {@link Basis} tag: whether the data could have refuted the
 * paper, or only a wrong derivation or wrong code could make the verdict fail.
 */
public enum Evidence {
    /** An identity that holds whenever the code is right (a conserved quantity, a closed-form Hessian, a constructed
     * path): it checks the instrument, not the paper. */
    INSTRUMENT_CHECK("instrument check", "an identity that holds whenever the code is right: it checks the "
            + "instrument, and could not have refuted the paper"),
    /** A derived prediction (a closed form, a reduction) that could fail only through a wrong derivation or code. */
    CONSEQUENCE("consequence", "a derived prediction: it could fail only through a wrong derivation (ours or the "
            + "paper's) or wrong code, not through the luck of the data"),
    /** A statement about random problems that the data could refute. */
    EMPIRICAL_TEST("empirical test", "a statement about random problems that the data could have refuted");

    private final String label;
    private final String meaning;

    Evidence(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** {@code instrument check}, {@code consequence} or {@code empirical test}. */
    public String label() {
        return label;
    }

    /** One sentence saying what a verdict of this kind can show. */
    public String meaning() {
        return meaning;
    }
}
