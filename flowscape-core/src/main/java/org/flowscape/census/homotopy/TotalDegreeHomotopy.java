package org.flowscape.census.homotopy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscape.rng.Seeds;

/**
 * The total-degree homotopy with the γ-trick, tracked in projective space. For a target F = (f_1 … f_n) in n
 * unknowns of degrees d_i, in homogeneous coordinates z = (z_0, z_1 … z_n):
 * <pre>
 *   H_i(z, t) = (1 − t)·γ·(z_i^{d_i} − z_0^{d_i}) + t·f_i^h(z),   i = 1 … n
 *   H_{n+1}(z) = a·z − 1                                          (a random affine chart)
 * </pre>
 * with f_i^h the homogenisation of f_i. The start system has the Π d_i (Bézout number) regular roots z_0 = 1,
 * z_i = a d_i-th root of unity (scaled into the chart); for all but finitely many complex γ (here a random unit
 * complex number from the stream (seed, "homotopy-gamma")) every path is regular for t in [0, 1) (Morgan, Solving
 * Polynomial Systems Using Continuation, 1987, ch. 3). Solutions at infinity are the limits with z_0 = 0, reached
 * at finite z because of the random chart a (stream (seed, "homotopy-chart")). Immutable and thread-safe.
 */
public final class TotalDegreeHomotopy {
    private final PolynomialSystem target;
    private final PolynomialSystem homogeneous;
    private final int[] degrees;
    private final double gammaRe;
    private final double gammaIm;
    private final double[] chart;
    private final int n;

    /**
     * @param target n equations in n unknowns, none identically zero
     * @param seed   root seed of γ and the chart
     */
    public TotalDegreeHomotopy(PolynomialSystem target, long seed) {
        this.n = target.variables();
        if (target.size() != n) {
            throw new IllegalArgumentException("homotopy continuation needs as many equations as unknowns; got "
                    + target.size() + " equations in " + n + " unknowns");
        }
        this.target = target;
        this.degrees = target.degrees();
        List<Polynomial> hom = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (degrees[i] < 1) {
                throw new IllegalArgumentException("equation " + (i + 1) + " is " + (degrees[i] < 0
                        ? "identically zero (a whole variable is free: the solution set is not finite)"
                        : "a nonzero constant (the system has no solution)") + "; remove that unknown or add a term "
                        + "that depends on it (e.g. weight decay --l2)");
            }
            hom.add(target.equations().get(i).homogenize(degrees[i]));
        }
        this.homogeneous = new PolynomialSystem(hom);
        SplittableRandom g = Seeds.stream(seed, "homotopy-gamma");
        double angle = 2 * Math.PI * g.nextDouble();
        this.gammaRe = Math.cos(angle);
        this.gammaIm = Math.sin(angle);
        SplittableRandom c = Seeds.stream(seed, "homotopy-chart");
        this.chart = new double[2 * (n + 1)];
        for (int j = 0; j < chart.length; j++) {
            chart[j] = Seeds.gaussian(c);
        }
    }

    /** The target system F. */
    public PolynomialSystem target() {
        return target;
    }

    /** The number of unknowns n of the target (the homotopy has n + 1). */
    public int unknowns() {
        return n;
    }

    /** The Bézout number Π d_i, the number of paths; saturates at {@link Long#MAX_VALUE}. */
    public long pathCount() {
        long p = 1;
        for (int d : degrees) {
            p = Math.multiplyHigh(p, d) != 0 || p * d < 0 ? Long.MAX_VALUE : p * d;
        }
        return p;
    }

    /** The start point of path k (0 ≤ k &lt; Bézout number) in homogeneous coordinates (length 2(n + 1)). */
    public double[] start(long k) {
        double[] z = new double[2 * (n + 1)];
        z[0] = 1;
        long rest = k;
        for (int i = 0; i < n; i++) {
            int root = (int) (rest % degrees[i]);
            rest /= degrees[i];
            double angle = 2 * Math.PI * root / degrees[i];
            z[2 * (i + 1)] = Math.cos(angle);
            z[2 * (i + 1) + 1] = Math.sin(angle);
        }
        double sr = 0;
        double si = 0;
        for (int j = 0; j <= n; j++) {
            sr += chart[2 * j] * z[2 * j] - chart[2 * j + 1] * z[2 * j + 1];
            si += chart[2 * j] * z[2 * j + 1] + chart[2 * j + 1] * z[2 * j];
        }
        double den = sr * sr + si * si;
        for (int j = 0; j <= n; j++) {
            double zr = z[2 * j];
            double zi = z[2 * j + 1];
            z[2 * j] = (zr * sr + zi * si) / den;
            z[2 * j + 1] = (zi * sr - zr * si) / den;
        }
        return z;
    }

    /** A new workspace (one per thread). */
    public Workspace workspace() {
        return new Workspace(homogeneous.workspace(), n);
    }

    /**
     * H(z, t), ∂H/∂z and ∂H/∂t at a complex t = tRe + i·tIm: z (length 2(n+1)) read only; {@code h} (length
     * 2(n+1)), {@code hz} (length 2(n+1)², row-major) and {@code ht} (length 2(n+1)) overwritten. Cost: one
     * evaluation of the homogenised target and its Jacobian.
     */
    public void evaluate(double[] z, double tRe, double tIm, double[] h, double[] hz, double[] ht, Workspace ws) {
        int m = n + 1;
        homogeneous.evaluate(z, ws.f, ws.jf, ws.system);
        double sRe = (1 - tRe) * gammaRe + tIm * gammaIm;
        double sIm = (1 - tRe) * gammaIm - tIm * gammaRe;
        java.util.Arrays.fill(hz, 0);
        for (int i = 0; i < n; i++) {
            int d = degrees[i];
            double[] zi = power(z, i + 1, d);
            double[] z0 = power(z, 0, d);
            double gr = zi[0] - z0[0];
            double gi = zi[1] - z0[1];
            double[] fi = {ws.f[2 * i], ws.f[2 * i + 1]};
            h[2 * i] = sRe * gr - sIm * gi + tRe * fi[0] - tIm * fi[1];
            h[2 * i + 1] = sRe * gi + sIm * gr + tRe * fi[1] + tIm * fi[0];
            ht[2 * i] = fi[0] - (gammaRe * gr - gammaIm * gi);
            ht[2 * i + 1] = fi[1] - (gammaRe * gi + gammaIm * gr);
            for (int j = 0; j < m; j++) {
                int k = 2 * (i * m + j);
                double jr = ws.jf[k];
                double ji = ws.jf[k + 1];
                hz[k] = tRe * jr - tIm * ji;
                hz[k + 1] = tRe * ji + tIm * jr;
            }
            double[] di = power(z, i + 1, d - 1);
            double[] d0 = power(z, 0, d - 1);
            addScaled(hz, 2 * (i * m + i + 1), sRe, sIm, d * di[0], d * di[1]);
            addScaled(hz, 2 * (i * m), sRe, sIm, -d * d0[0], -d * d0[1]);
        }
        double cr = -1;
        double ci = 0;
        for (int j = 0; j < m; j++) {
            cr += chart[2 * j] * z[2 * j] - chart[2 * j + 1] * z[2 * j + 1];
            ci += chart[2 * j] * z[2 * j + 1] + chart[2 * j + 1] * z[2 * j];
            hz[2 * (n * m + j)] = chart[2 * j];
            hz[2 * (n * m + j) + 1] = chart[2 * j + 1];
        }
        h[2 * n] = cr;
        h[2 * n + 1] = ci;
        ht[2 * n] = 0;
        ht[2 * n + 1] = 0;
    }

    private static void addScaled(double[] a, int k, double sr, double si, double vr, double vi) {
        a[k] += sr * vr - si * vi;
        a[k + 1] += sr * vi + si * vr;
    }

    private static double[] power(double[] z, int j, int k) {
        double r = 1;
        double i = 0;
        for (int e = 0; e < k; e++) {
            double nr = r * z[2 * j] - i * z[2 * j + 1];
            i = r * z[2 * j + 1] + i * z[2 * j];
            r = nr;
        }
        return new double[] {r, i};
    }

    /** Scratch for {@link #evaluate}: the homogenised target's values and Jacobian. */
    public static final class Workspace {
        final PolynomialSystem.Workspace system;
        final double[] f;
        final double[] jf;

        Workspace(PolynomialSystem.Workspace system, int n) {
            this.system = system;
            this.f = new double[2 * n];
            this.jf = new double[2 * n * (n + 1)];
        }
    }
}
