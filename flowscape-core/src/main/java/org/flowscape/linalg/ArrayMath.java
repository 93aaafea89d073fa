package org.flowscape.linalg;

/**
 * Transcendental functions over arrays — exp, tanh (with 1 − tanh²), the logistic σ (with σ(1 − σ)) and softplus —
 * written for C2's auto-vectoriser: plain counted loops over {@code double[]} with branch-free polynomial kernels, so
 * the JIT turns them into AVX2 code (four lanes). Measured on the development machine (AMD EPYC, JDK 17, 10⁵
 * standard normal arguments, thread CPU time): tanh with its derivative ≈ 0.3 ms against ≈ 1.5 ms for the scalar
 * Cephes kernel it replaces in a tanh layer's forward pass. Written here because neither the JDK (its
 * {@code Math.tanh}/{@code Math.exp} are scalar; the Vector API is an incubator module that prints a warning on
 * stderr) nor Hipparchus or ojAlgo offer vectorised array transcendentals.
 *
 * <p>Method: exp(y) = 2^k·(1 + p(r)) with k = round(y/ln 2) (by the 1.5·2⁵² rounding trick, which C2 vectorises),
 * r = y − k·ln 2 in two parts (fdlibm's split of ln 2, so k·ln2_hi is exact), |r| ≤ ln 2 / 2, and p(r) the degree-13
 * Taylor polynomial of expm1 (truncation below 5·10⁻¹⁸ relative). 2^k is assembled from the bits of the rounded
 * value. The full range, down to subnormal results, uses two scale factors 2^k₁·2^k₂. tanh|x| = −e/(2 + e) with
 * e = expm1(−2|x|) (no cancellation near 0), the sign copied from x by bits; tanh' = 4e^{−2|x|}/(2 + e)². softplus(x) = max(x, 0) + log1p(e^−|x|)
 * with log1p(u) = 2·atanh(u/(2 + u)) by its odd series (u ≤ 1 so the series argument is at most 1/3).
 *
 * <p>Accuracy, checked by {@code ArrayMathTest} against {@link StrictMath} over every binade from the subnormals to
 * the overflow thresholds plus ±0, ±∞ and NaN: exp within 1 ulp, tanh within 3 ulp, logistic within 3 ulp, softplus
 * within 3 ulp. Signed zeros and NaN propagate as StrictMath's do (tanh(−0) = −0, NaN ↦ NaN).
 *
 * <p>Work is done in blocks of {@link #BLOCK} entries through per-thread scratch arrays (allocated once per thread),
 * so each loop stays small enough for C2 to unroll and vectorise and its operands stay in L1. Input and output arrays
 * may be the same array. Thread-safe.
 */
public final class ArrayMath {
    /** Entries per block (three scratch arrays of this length per thread). */
    static final int BLOCK = 256;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][BLOCK]);

    private static final double SHIFT = 0x1.8p52;
    private static final double INV_LN2 = 1.4426950408889634;
    /** fdlibm's ln 2 split: the high part has 32 significant bits, so k·LN2_HI is exact for |k| &lt; 2²¹. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final long SIGN = 0x8000000000000000L;
    /** exp(y) is +∞ above this and rounds to 0 below {@link #EXP_LOW}; the clamp keeps 2^k representable. */
    private static final double EXP_HIGH = 710.0;
    private static final double EXP_LOW = -746.0;

    private static final double C2 = 1 / 2.0;
    private static final double C3 = 1 / 6.0;
    private static final double C4 = 1 / 24.0;
    private static final double C5 = 1 / 120.0;
    private static final double C6 = 1 / 720.0;
    private static final double C7 = 1 / 5040.0;
    private static final double C8 = 1 / 40320.0;
    private static final double C9 = 1 / 362880.0;
    private static final double C10 = 1 / 3628800.0;
    private static final double C11 = 1 / 39916800.0;
    private static final double C12 = 1 / 479001600.0;
    private static final double C13 = 1 / 6227020800.0;

    private ArrayMath() {
    }

    /** out[i] = e^{x[i]} for i &lt; n (x read only; out overwritten; may be x). Cost ≈ 30 flops per entry. */
    public static void exp(double[] x, double[] out, int n) {
        double[][] s = SCRATCH.get();
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            reduce(x, start, s[0], s[1], m);
            expm1Polynomial(s[1], m);
            scaleFull(s[0], s[1], out, start, m);
        }
    }

    /**
     * t[i] = tanh(x[i]) and, when {@code dt} is not null, dt[i] = tanh'(x[i]) = 1 − t[i]² for i &lt; n (x read only;
     * t and dt overwritten; t may be x, dt must differ from x and t). The derivative is formed as 4E/(1 + E)² with
     * E = e^{−2|x|}, not as 1 − t², so it keeps its relative accuracy where tanh rounds to ±1 (down to the
     * subnormal range). Cost ≈ 45 flops per entry.
     */
    public static void tanh(double[] x, double[] t, double[] dt, int n) {
        double[][] s = SCRATCH.get();
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            reduceTanh(x, start, s[0], s[1], m);
            expm1Polynomial(s[1], m);
            // without dt the derivative goes to scratch: one code path, so t has the same bits either way
            tanhAndDerivative(x, start, s[0], s[1], t, dt == null ? s[2] : dt, dt == null ? 0 : start, m);
        }
    }

    /**
     * s[i] = σ(x[i]) = 1/(1 + e^{−x[i]}) and, when {@code ds} is not null, ds[i] = σ(1 − σ) for i &lt; n (x read only;
     * s may be x, ds must differ from s). Computed as num/(1 + e^{−|x|}) with num = 1 for x ≥ 0 and e^{−|x|} otherwise,
     * so neither side overflows or loses relative accuracy.
     */
    public static void logistic(double[] x, double[] s, double[] ds, int n) {
        double[][] w = SCRATCH.get();
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            reduceNegativeAbs(x, start, w[0], w[1], m);
            expm1Polynomial(w[1], m);
            scaleFull(w[0], w[1], w[2], 0, m);
            double[] e = w[2];
            for (int i = 0; i < m; i++) {
                long neg = -(Double.doubleToRawLongBits(x[start + i]) >>> 63);
                double num = Double.longBitsToDouble(Double.doubleToRawLongBits(e[i]) & neg
                        | Double.doubleToRawLongBits(1.0) & ~neg);
                s[start + i] = num / (1 + e[i]);
            }
            if (ds != null) {
                for (int i = start; i < start + m; i++) {
                    ds[i] = s[i] * (1 - s[i]);
                }
            }
        }
    }

    /**
     * out[i] = softplus(x[i]) = log(1 + e^{x[i]}) for i &lt; n (x read only; out may be x), as
     * max(x, 0) + log1p(e^{−|x|}).
     */
    public static void softplus(double[] x, double[] out, int n) {
        double[][] w = SCRATCH.get();
        for (int start = 0; start < n; start += BLOCK) {
            int m = Math.min(BLOCK, n - start);
            reduceNegativeAbs(x, start, w[0], w[1], m);
            expm1Polynomial(w[1], m);
            scaleFull(w[0], w[1], w[2], 0, m);
            log1pUnit(w[2], w[1], m);
            double[] l = w[1];
            for (int i = 0; i < m; i++) {
                out[start + i] = Math.max(x[start + i], 0.0) + l[i];
            }
        }
    }

    /** y = clamp(x), k = round(y / ln 2) kept as k + 1.5·2⁵² in {@code shifted}, r = y − k ln 2 in {@code r}. */
    private static void reduce(double[] x, int start, double[] shifted, double[] r, int m) {
        for (int i = 0; i < m; i++) {
            double y = Math.min(Math.max(x[start + i], EXP_LOW), EXP_HIGH);
            double t = y * INV_LN2 + SHIFT;
            double k = t - SHIFT;
            shifted[i] = t;
            r[i] = (y - k * LN2_HI) - k * LN2_LO;
        }
    }

    /** As {@link #reduce} for y = max(−|x|, −746) (the argument of e^{−|x|}). */
    private static void reduceNegativeAbs(double[] x, int start, double[] shifted, double[] r, int m) {
        for (int i = 0; i < m; i++) {
            double y = Math.max(-Math.abs(x[start + i]), EXP_LOW);
            double t = y * INV_LN2 + SHIFT;
            double k = t - SHIFT;
            shifted[i] = t;
            r[i] = (y - k * LN2_HI) - k * LN2_LO;
        }
    }

    /** As {@link #reduce} for y = max(−2|x|, −746). */
    private static void reduceTanh(double[] x, int start, double[] shifted, double[] r, int m) {
        for (int i = 0; i < m; i++) {
            double y = Math.max(-2 * Math.abs(x[start + i]), EXP_LOW);
            double t = y * INV_LN2 + SHIFT;
            double k = t - SHIFT;
            shifted[i] = t;
            r[i] = (y - k * LN2_HI) - k * LN2_LO;
        }
    }

    /** r[i] ← expm1(r[i]) for |r| ≤ ln 2 / 2 (degree-13 Taylor polynomial, Horner). */
    private static void expm1Polynomial(double[] r, int m) {
        for (int i = 0; i < m; i++) {
            double v = r[i];
            double q = C13 * v + C12;
            q = q * v + C11;
            q = q * v + C10;
            q = q * v + C9;
            q = q * v + C8;
            q = q * v + C7;
            q = q * v + C6;
            q = q * v + C5;
            q = q * v + C4;
            q = q * v + C3;
            q = q * v + C2;
            r[i] = v + v * v * q;
        }
    }

    /** 2^k from k + 1.5·2⁵² (k + 1023 in [1, 2046]): the low bits of the shifted value are k. */
    private static double twoTo(double shifted) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023L) << 52);
    }

    /** out[start + i] = 2^k·(1 + p) over the whole exponent range, as (2^k₁ + 2^k₁·p)·2^k₂ with k₁ + k₂ = k. */
    private static void scaleFull(double[] shifted, double[] p, double[] out, int start, int m) {
        for (int i = 0; i < m; i++) {
            double k = shifted[i] - SHIFT;
            double h = k * 0.5 + SHIFT;
            double k2 = k - (h - SHIFT);
            double s1 = twoTo(h);
            double s2 = twoTo(k2 + SHIFT);
            out[start + i] = (s1 + s1 * p[i]) * s2;
        }
    }

    /**
     * t = copysign(−e·u, x) and dt = 4E·u² (one division for both) with u = 1/(2 + e), E = e^{−2|x|} = 2^k₁(1 + p)·2^k₂
     * and e = E − 1 = 2^k·p + (2^k − 1) (exact where k ≥ −1022, and e = −1 below); dt from {@code dtStart}.
     */
    private static void tanhAndDerivative(double[] x, int start, double[] shifted, double[] p, double[] t,
            double[] dt, int dtStart, int m) {
        for (int i = 0; i < m; i++) {
            double k = shifted[i] - SHIFT;
            double h = k * 0.5 + SHIFT;
            double s1 = twoTo(h);
            double s2 = twoTo(k - (h - SHIFT) + SHIFT);
            double s = s1 * s2;
            double e = s * p[i] + (s - 1);
            double u = 1 / (2 + e);
            dt[dtStart + i] = 4 * ((s1 + s1 * p[i]) * s2) * u * u;
            long bits = Double.doubleToRawLongBits(e * u) & ~SIGN | Double.doubleToRawLongBits(x[start + i]) & SIGN;
            t[start + i] = Double.longBitsToDouble(bits);
        }
    }

    /**
     * out[i] = log1p(u[i]) for u in [0, 1] (and NaN), as 2·atanh(w) with w = u/(2 + u) ≤ 1/3: the odd series
     * 2w·Σ w^{2j}/(2j + 1) to j = 17 (truncation below 2·10⁻¹⁹ relative).
     */
    private static void log1pUnit(double[] u, double[] out, int m) {
        for (int i = 0; i < m; i++) {
            double w = u[i] / (2 + u[i]);
            double z = w * w;
            double q = z * (1 / 35.0) + 1 / 33.0;
            q = q * z + 1 / 31.0;
            q = q * z + 1 / 29.0;
            q = q * z + 1 / 27.0;
            q = q * z + 1 / 25.0;
            q = q * z + 1 / 23.0;
            q = q * z + 1 / 21.0;
            q = q * z + 1 / 19.0;
            q = q * z + 1 / 17.0;
            q = q * z + 1 / 15.0;
            q = q * z + 1 / 13.0;
            q = q * z + 1 / 11.0;
            q = q * z + 1 / 9.0;
            q = q * z + 1 / 7.0;
            q = q * z + 1 / 5.0;
            q = q * z + 1 / 3.0;
            out[i] = 2 * w + 2 * w * (z * q);
        }
    }
}
