package org.flowscape.geometry.basins;

/**
 * One theorem's bound beside the Monte-Carlo estimate of its event.
 *
 * @param name     e.g. {@code theorem4}
 * @param event    the event in words, e.g. {@code Bas <= 0}
 * @param alpha    the event's threshold (NaN for Proposition 2, whose event is L(W0) > L(0))
 * @param bound    the theorem's lower bound on the event's probability (may be ≤ 0: vacuous)
 * @param estimate the Monte-Carlo estimate of the event's probability with its Wilson 95% interval
 * @param exact    the exact probability where a closed form exists, else NaN
 * @param note     a caveat (e.g. a hypothesis the data miss), or empty
 */
public record BoundEntry(String name, String event, double alpha, double bound, Wilson estimate, double exact,
                         String note) {
}
