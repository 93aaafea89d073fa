package org.flowscape.dynamics;

/**
 * A learning-rate schedule η_k, k = 0, 1, …, and its time map t_k = Σ_{j&lt;k} η_j that places descent iterate k
 * beside the flow at time t_k (t = kη for a constant step).
 *
 * @param kind      the form of the schedule
 * @param rate      η_0 &gt; 0
 * @param parameter the decay factor per step for {@link Kind#EXPONENTIAL} (in (0, 1]), the step scale k0 &gt; 0 for
 *                  {@link Kind#INVERSE_TIME}; ignored for {@link Kind#CONSTANT}
 */
public record Schedule(Kind kind, double rate, double parameter) {
    /** The supported forms. */
    public enum Kind {
        /** η_k = η. */
        CONSTANT,
        /** η_k = η·q^k. */
        EXPONENTIAL,
        /** η_k = η / (1 + k/k0). */
        INVERSE_TIME
    }

    public Schedule {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be > 0 and finite, got " + rate);
        }
        if (kind == Kind.EXPONENTIAL && !(parameter > 0 && parameter <= 1)) {
            throw new IllegalArgumentException("exponential decay factor must be in (0, 1], got " + parameter);
        }
        if (kind == Kind.INVERSE_TIME && !(parameter > 0)) {
            throw new IllegalArgumentException("inverse-time scale k0 must be > 0, got " + parameter);
        }
    }

    /** A constant step η. */
    public static Schedule constant(double eta) {
        return new Schedule(Kind.CONSTANT, eta, Double.NaN);
    }

    /** η_k = η·q^k. */
    public static Schedule exponential(double eta, double q) {
        return new Schedule(Kind.EXPONENTIAL, eta, q);
    }

    /** η_k = η / (1 + k/k0). */
    public static Schedule inverseTime(double eta, double k0) {
        return new Schedule(Kind.INVERSE_TIME, eta, k0);
    }

    /** η_k. */
    public double rate(long k) {
        return switch (kind) {
            case CONSTANT -> rate;
            case EXPONENTIAL -> rate * Math.pow(parameter, k);
            case INVERSE_TIME -> rate / (1 + k / parameter);
        };
    }

    /** t_k = Σ_{j&lt;k} η_j (exactly kη for a constant step; by summation otherwise). */
    public double time(long k) {
        return switch (kind) {
            case CONSTANT -> k * rate;
            case EXPONENTIAL -> parameter == 1 ? k * rate : rate * (1 - Math.pow(parameter, k)) / (1 - parameter);
            case INVERSE_TIME -> sum(k);
        };
    }

    private double sum(long k) {
        double s = 0;
        for (long j = k - 1; j >= 0; j--) {
            s += rate(j);
        }
        return s;
    }
}
