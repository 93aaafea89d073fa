package org.flowscape.dynamics;

/**
 * A conserved quantity's record after a run: its value at t = 0, its drift max_t |Q(t) − Q(0)| (entrywise for
 * matrix-valued Q) and the drift relative to the scale max |Q(0)| (or 1 when Q(0) = 0).
 *
 * @param name          e.g. {@code C_1} or {@code imbalance c}
 * @param initialScale  max |Q(0)| over the entries
 * @param drift         max over t and entries of |Q(t) − Q(0)|
 * @param relativeDrift drift / max(initialScale, tiny) (drift itself when the scale is 0)
 */
public record ConservedQuantity(String name, double initialScale, double drift, double relativeDrift) {
    static ConservedQuantity of(String name, double scale, double drift) {
        return new ConservedQuantity(name, scale, drift, scale > 0 ? drift / scale : drift);
    }
}
