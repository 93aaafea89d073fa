package org.flowscape.geometry.basins;

/**
 * The lower bounds of Safran and Shamir on the probability of a good initial basin ({@code docs/theory.md} D.2,
 * D.4), as plain calculators. Each returns the bound as stated, possibly negative (vacuous): callers clip or flag.
 * Inputs are the theorems' own symbols; n is the network width unless said otherwise.
 */
public final class Bounds {
    private Bounds() {
    }

    /** Theorem 2 (singleton data in d coordinates): P[Bas ≤ α*] ≥ 1 − 2d·(3/4)^n. */
    public static double theorem2(int d, int width) {
        return 1 - 2.0 * d * Math.pow(0.75, width);
    }

    /** Theorem 4 (full-rank data, rank X = m): P[Bas ≤ α*] ≥ 1 − m·(3/4)^n (α* = 0 for squared loss). */
    public static double theorem4(int m, int width) {
        return 1 - m * Math.pow(0.75, width);
    }

    /**
     * Theorem 3's p_ε = (1/(2π(r − 1)))·((√ε/(nB))·√(1 − ε/(4n²B²)))^{r−1} for rank r ≥ 2, teacher width n and
     * weight bound B = max_i |v*_i|·‖w*_i‖; NaN when r &lt; 2 or ε/(4n²B²) &gt; 1.
     */
    public static double theorem3Pe(double eps, int rank, int teacherWidth, double b) {
        if (rank < 2) {
            return Double.NaN;
        }
        double nb = teacherWidth * b;
        double inside = 1 - eps / (4 * nb * nb);
        if (inside < 0) {
            return Double.NaN;
        }
        double delta = Math.sqrt(eps) / nb * Math.sqrt(inside);
        return Math.pow(delta, rank - 1) / (2 * Math.PI * (rank - 1));
    }

    /** Theorem 3's block ⌈n / p_ε⌉: a width of c blocks, c ≥ 2, gives P[Bas ≤ ε] ≥ 1 − exp(−c·n/4). */
    public static long theorem3Block(double eps, int rank, int teacherWidth, double b) {
        double pe = theorem3Pe(eps, rank, teacherWidth, b);
        return Double.isNaN(pe) ? Long.MAX_VALUE : (long) Math.ceil(teacherWidth / pe);
    }

    /**
     * Theorem 3 at width {@code width}: with c the largest integer such that c·⌈n/p_ε⌉ ≤ width (the extra neurons
     * only help, Lemma 2), the bound 1 − exp(−c·n/4) when c ≥ 2, else 0 (the theorem says nothing).
     */
    public static double theorem3(double eps, int rank, int teacherWidth, double b, int width) {
        long block = theorem3Block(eps, rank, teacherWidth, b);
        if (block == Long.MAX_VALUE) {
            return 0;
        }
        long c = width / block;
        return c >= 2 ? 1 - Math.exp(-c * teacherWidth / 4.0) : 0;
    }

    /** Theorem 5's radius limit δ_j/‖c_j‖ ≤ 2·sin(√(2π)/(16·d·√d)). */
    public static double theorem5RadiusLimit(int d) {
        return 2 * Math.sin(Math.sqrt(2 * Math.PI) / (16 * d * Math.sqrt(d)));
    }

    /**
     * Theorem 5's value α₅ = δ²·((1 + B/c)·n·σ_max/σ_min²·‖ŷ‖ + 2γ)² for width n, δ the largest cluster radius, c
     * the smallest centre norm, B the largest ‖x_t‖, σ_max and σ_min the extreme singular values of Cᵀ, ŷ the cluster
     * targets and γ the within-cluster Lipschitz constant of the targets.
     */
    public static double theorem5Alpha(double delta, double b, double c, int width, double sigmaMax,
            double sigmaMin, double yhatNorm, double gamma) {
        double inner = (1 + b / c) * width * sigmaMax / (sigmaMin * sigmaMin) * yhatNorm + 2 * gamma;
        return delta * delta * inner * inner;
    }

    /** Theorem 5's probability: P[Bas ≤ α₅] ≥ 1 − d·(7/8)^n. */
    public static double theorem5(int d, int width) {
        return 1 - d * Math.pow(0.875, width);
    }

    /**
     * Proposition 2 with Proposition 1's r = 1 (squared loss): P[L(P(W₀)) &gt; L(0)] ≥ (r/2)·(1 − 2^{−n}), n the
     * width of the last hidden layer.
     */
    public static double proposition2(double r, int width) {
        return r / 2 * (1 - Math.pow(2, -width));
    }
}
