package org.flowscape.report;

/**
 * One row of a verdict table ({@code flowscape reproduce}): a claim, what the run decided, the number that
 * decided it, and the figure that shows it.
 *
 * @param claim the claim, e.g. "A.2: the imbalance is conserved along the flow"
 * @param verdict the verdict's word, e.g. "confirmed", "refuted", "inconclusive"
 * @param tone its colour ({@link Tone#GOOD} confirmed, {@link Tone#BAD} refuted, {@link Tone#WARN} inconclusive)
 * @param deciding the deciding number with its threshold, e.g. "max drift 3.1e-13 \u2264 1e-9"
 * @param figureId the id of the figure on the same page that shows the evidence, or null
 */
public record Verdict(String claim, String verdict, Tone tone, String deciding, String figureId) {
    public Verdict {
        if (figureId != null) {
            Html.anchor(figureId);
        }
    }
}
