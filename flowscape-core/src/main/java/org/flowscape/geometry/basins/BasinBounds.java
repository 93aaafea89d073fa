package org.flowscape.geometry.basins;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscape.data.ClusteredData;
import org.flowscape.data.Dataset;
import org.flowscape.data.TeacherData;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.model.Activations;
import org.flowscape.model.Network;

/**
 * Which of Safran and Shamir's bounds apply to a data set, evaluated at one width beside the Monte-Carlo estimate
 * of the same event: Proposition 2 (always; squared loss gives r = 1 by Proposition 1), Theorem 2 with the exact
 * probability (singleton data), Theorem 4 (rank X = m), Theorem 3 ({@code lowdim:} data, whose teacher gives n and
 * B) and Theorem 5 ({@code clustered:} data, whose centres give σ_max, σ_min). Theorem 3 and 5's hypotheses on the
 * loss (the paper's mean squared error without ½) are met by converting thresholds with the study's normalization.
 */
public final class BasinBounds {
    /** Slack added to a threshold when counting Bas ≤ α on computed values. */
    public static final double COUNT_SLACK = 1e-9;

    private BasinBounds() {
    }

    /**
     * The entries for width {@code r.width()}.
     *
     * @param scale the loss factor s of the study (s = 1/(2m) for {@code mse})
     * @param alpha the study's threshold, used as Theorem 3's ε
     */
    public static List<BoundEntry> entries(Dataset data, double scale, double alpha, WidthResult r) {
        return entries(data, scale, alpha, r, Initialization.DEFAULT);
    }

    /**
     * The entries for width {@code r.width()} of starts drawn from {@code init}: the exact probabilities of
     * Theorems 2 and 4 are those of its output signs (all +1 for the single-neuron model; the theorems' bounds assume
     * fair signs).
     */
    public static List<BoundEntry> entries(Dataset data, double scale, double alpha, WidthResult r,
            Initialization init) {
        List<BoundEntry> out = new ArrayList<>();
        int k = r.width();
        int m = data.size();
        out.add(new BoundEntry("proposition2", "L(W0) > L(0)", Double.NaN, Bounds.proposition2(1, k),
                r.aboveZeroPredictor(), Double.NaN, ""));
        Matrix x = data.inputs();
        int rank = rank(x);
        if (SingletonExact.applies(x)) {
            SingletonExact e = SingletonExact.of(x, data.targets(), scale);
            double exact = init.fixedOutput()
                    ? OrthogonalExact.of(x, data.targets(), scale).probability(k, e.alpha() + COUNT_SLACK, true)
                    : e.probability(k);
            out.add(new BoundEntry("theorem2", "Bas <= alpha* (best value of any width)", e.alpha(),
                    Bounds.theorem2(data.inputDim(), k), r.basinBelow(e.alpha() + COUNT_SLACK), exact, ""));
        }
        if (rank == m) {
            double exact = OrthogonalExact.applies(x)
                    ? OrthogonalExact.of(x, data.targets(), scale).probability(k, COUNT_SLACK, init.fixedOutput())
                    : Double.NaN;
            out.add(new BoundEntry("theorem4", "Bas <= 0 (full-rank data)", 0, Bounds.theorem4(m, k),
                    r.basinBelow(COUNT_SLACK), exact, ""));
        }
        String spec = data.spec().trim().toLowerCase(Locale.ROOT);
        if (spec.startsWith("lowdim:")) {
            out.add(theorem3(data, spec, scale, alpha, rank, r));
        }
        if (spec.startsWith("clustered:")) {
            out.add(theorem5(data, spec, scale, r));
        }
        return out;
    }

    private static BoundEntry theorem3(Dataset data, String spec, double scale, double alpha, int rank,
            WidthResult r) {
        int width = (int) number(spec, "width", 2);
        long seed = (long) number(spec, "seed", 0);
        Network teacher = TeacherData.network(data.inputDim(), width, 1,
                Activations.parse(string(spec, "act", "relu")));
        double[] theta = TeacherData.parameters(teacher, seed);
        int d = data.inputDim();
        double b = 0;
        for (int i = 0; i < width; i++) {
            double norm = 0;
            for (int c = 0; c < d; c++) {
                norm += theta[i * d + c] * theta[i * d + c];
            }
            double v = theta[teacher.offset(1) + i];
            b = Math.max(b, Math.abs(v) * Math.sqrt(norm));
        }
        double epsPaper = alpha / (scale * data.size()); // the paper's ε is in mean-squared-error units
        return new BoundEntry("theorem3", "Bas <= alpha (rank " + rank + ", teacher width " + width + ", B = "
                + String.format(Locale.ROOT, "%.4g", b) + ")", alpha,
                Bounds.theorem3(epsPaper, rank, width, b, r.width()), r.basinBelow(alpha), Double.NaN,
                "needs width >= 2*ceil(n/p_eps) = " + 2 * Bounds.theorem3Block(epsPaper, rank, width, b));
    }

    private static BoundEntry theorem5(Dataset data, String spec, double scale, WidthResult r) {
        int d = data.inputDim();
        int clusters = (int) number(spec, "clusters", 1);
        long seed = (long) number(spec, "seed", 0);
        double noise = number(spec, "noise", 0);
        Matrix centres = ClusteredData.centres(clusters, d, seed);
        double[] sv = SingularValues.of(centres).values();
        double delta = 0;
        double bmax = 0;
        double yhat = 0;
        for (int t = 0; t < data.size(); t++) {
            int j = t % clusters;
            double dist = 0;
            double norm = 0;
            for (int c = 0; c < d; c++) {
                double xv = data.inputs().get(t, c);
                dist += (xv - centres.get(j, c)) * (xv - centres.get(j, c));
                norm += xv * xv;
            }
            delta = Math.max(delta, Math.sqrt(dist));
            bmax = Math.max(bmax, Math.sqrt(norm));
            if (t < clusters) {
                yhat += data.targets().get(t, 0) * data.targets().get(t, 0);
            }
        }
        double gamma = noise == 0 ? 0 : Double.NaN;
        double alphaPaper = Bounds.theorem5Alpha(delta, bmax, 1, r.width(), sv[0], sv[sv.length - 1],
                Math.sqrt(yhat), gamma);
        double alpha = alphaPaper * scale * data.size();
        String note = clusters > d ? "clusters > d: the theorem does not apply"
                : delta > Bounds.theorem5RadiusLimit(d) + 1e-15 ? "radius above the theorem's limit" : "";
        return new BoundEntry("theorem5", "Bas <= alpha5 (clustered data)", alpha, Bounds.theorem5(d, r.width()),
                r.basinBelow(alpha + COUNT_SLACK), Double.NaN, note);
    }

    /** The numerical rank of x (singular values above σ_max·max(m, d)·ε). */
    static int rank(Matrix x) {
        double[] s = SingularValues.of(x).values();
        if (s.length == 0 || s[0] == 0) {
            return 0;
        }
        double cut = s[0] * Math.max(x.rows(), x.cols()) * Math.ulp(1.0);
        int r = 0;
        for (double v : s) {
            r += v > cut ? 1 : 0;
        }
        return r;
    }

    private static double number(String spec, String key, double fallback) {
        String v = string(spec, key, null);
        return v == null ? fallback : Double.parseDouble(v);
    }

    private static String string(String spec, String key, String fallback) {
        Matcher mm = Pattern.compile("[:,]" + key + "=([^,]+)").matcher(spec);
        return mm.find() ? mm.group(1).trim() : fallback;
    }

}
