package org.flowscape.dynamics;

import org.flowscape.internal.MemoryBudget;
import java.util.Arrays;

/**
 * The times at which a trajectory is sampled (dense output): strictly increasing, non-negative. Samples past the
 * time where the run stopped are not produced.
 *
 * @param times the sample times, copied
 */
public record SampleGrid(double[] times) {
    public SampleGrid {
        times = times.clone();
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || !Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw new IllegalArgumentException("sample times must be finite, >= 0 and strictly increasing; "
                        + "entry " + i + " is " + times[i]);
            }
        }
    }

    /** No samples. */
    public static SampleGrid none() {
        return new SampleGrid(new double[0]);
    }

    /** {@code count} ≥ 2 equally spaced times from 0 to {@code horizon} inclusive (count 1: just the horizon). */
    public static SampleGrid linear(double horizon, int count) {
        check(horizon, count);
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = count == 1 ? horizon : horizon * i / (count - 1);
        }
        return new SampleGrid(t);
    }

    /** {@code count} ≥ 2 log-spaced times from {@code first} &gt; 0 to {@code horizon} inclusive. */
    public static SampleGrid log(double first, double horizon, int count) {
        check(horizon, count);
        if (!(first > 0 && first < horizon) || count < 2) {
            throw new IllegalArgumentException("a log grid needs 0 < first < horizon and count >= 2; got first="
                    + first + ", horizon=" + horizon + ", count=" + count);
        }
        double[] t = new double[count];
        double ratio = Math.log(horizon / first);
        for (int i = 0; i < count; i++) {
            t[i] = first * Math.exp(ratio * i / (count - 1));
        }
        t[count - 1] = horizon;
        return new SampleGrid(t);
    }

    private static void check(double horizon, int count) {
        if (!(horizon > 0) || !Double.isFinite(horizon) || count < 1) {
            throw new IllegalArgumentException("a sample grid needs a finite horizon > 0 and count >= 1; got horizon="
                    + horizon + ", count=" + count);
        }
        MemoryBudget.requireDoubles(8.0 * count, count + " sample times (about 64 bytes each with their records)",
                "ask for fewer samples");
    }

    /** The number of sample times. */
    public int size() {
        return times.length;
    }

    @Override
    public String toString() {
        return "SampleGrid" + Arrays.toString(times);
    }
}
