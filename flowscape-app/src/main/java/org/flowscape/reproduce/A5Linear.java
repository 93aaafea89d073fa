package org.flowscape.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.report.Figure;

/**
 * The linear half of paper A's Figure 3, from closed forms (no integration): g(w1, w2) = (1 − w1w2)² on a grid, the
 * stable line w2 = −w1 and the unstable line w2 = w1 through the saddle at 0, the target set w1w2 = 1, and
 * trajectories, which lie on the levels of the invariant C = w1² − w2² (theory.md A.2, k = 1). Shown beside the
 * sigmoidal portrait of {@link ClaimA5}. Cost O(grid²).
 */
final class A5Linear {
    private A5Linear() {
    }

    /** The portrait on the square grid {@code xs} × {@code xs} (increasing). */
    static Figure portrait(double[] xs) {
        double[][] z = new double[xs.length][xs.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double e = 1 - xs[i] * xs[j];
                z[i][j] = Math.log10(e * e + 1e-6);
            }
        }
        double lo = xs[0];
        double hi = xs[xs.length - 1];
        List<Figure.Curve> curves = new ArrayList<>();
        curves.add(new Figure.Curve("unstable line w2 = w1", new double[] {lo, hi}, new double[] {lo, hi}, null, null,
                Figure.Style.DASHED));
        curves.add(new Figure.Curve("stable line w2 = -w1", new double[] {lo, hi}, new double[] {-lo, -hi}, null,
                null, Figure.Style.DASHED));
        curves.add(hyperbola("target w1 w2 = 1 (w1 > 0)", 1 / hi, hi, 1));
        curves.add(hyperbola("target w1 w2 = 1 (w1 < 0)", lo, 1 / lo, 1));
        for (double c : new double[] {-2, 2}) {
            for (int sign : new int[] {-1, 1}) {
                curves.add(level(c, sign, lo, hi));
            }
        }
        return new Figure("fig-A5-linear", "A5: phase portrait of the linear example (paper's Figure 3, left)", "w1",
                "w2", Figure.Scale.LINEAR, Figure.Scale.LINEAR, Figure.Kind.HEATMAP, curves,
                new Figure.HeatMap(xs, xs, z, "log10(g + 1e-6)", true), 0, "g = (1 - w1 w2)^2: the stable and "
                + "unstable lines through the saddle at 0 cut the plane into four equivalent regions; trajectories "
                + "run along w1^2 - w2^2 = C (C = +/-2 drawn) to the target hyperbola w1 w2 = 1.");
    }

    /** w2 = k/w1 for w1 in [a, b] (a, b of one sign). */
    private static Figure.Curve hyperbola(String name, double a, double b, double k) {
        double[] x = Plots.linspace(a, b, 60);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = k / x[i];
        }
        return new Figure.Curve(name, x, y, null, null, Figure.Style.LINE);
    }

    /** One branch of w1² − w2² = c: for c &gt; 0, w1 = sign·√(c + w2²); for c &lt; 0, w2 = sign·√(w1² − c). */
    private static Figure.Curve level(double c, int sign, double lo, double hi) {
        double[] t = Plots.linspace(lo, hi, 80);
        double[] other = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            other[i] = sign * Math.sqrt(t[i] * t[i] + Math.abs(c));
        }
        String name = "trajectory on C = " + Fmt.g(c) + (sign > 0 ? " (+)" : " (-)");
        return c > 0 ? Figure.Curve.line(name, other, t) : Figure.Curve.line(name, t, other);
    }
}
