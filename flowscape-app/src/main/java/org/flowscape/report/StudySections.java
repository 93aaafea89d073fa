package org.flowscape.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.report.Figure.Curve;
import org.flowscape.report.Figure.HeatMap;
import org.flowscape.report.Figure.Kind;
import org.flowscape.report.Figure.Scale;
import org.flowscape.report.Figure.Style;
import org.flowscape.store.StoreReader;

/**
 * The sections of a study report, one per kind of record; a section appears only when its records exist. Names
 * read (series {@code loss}, {@code drift}; metrics {@code loss_star}, {@code rate_fit}, {@code rate_predicted},
 * {@code basin_alpha}) are documented in {@code docs/report.md}.
 */
final class StudySections {
    /** At most this many runs (or spectra, grids) get their own curve or figure; the rest are counted. */
    static final int MAX_SHOWN = 6;
    /** The default threshold α of a good basin, P[Bas ≤ α]. */
    static final double DEFAULT_ALPHA = 0.01;
    /** The normal quantile of the 95 % Wilson interval. */
    static final double Z95 = 1.959963984540054;

    /** The flow runs with a series of a given name (landscape runs also write a series 'loss', against x). */
    private static final String FLOW_SERIES = "SELECT DISTINCT run_key FROM series WHERE name = ? AND run_key IN "
            + "(SELECT run_key FROM runs WHERE analysis = 'flow') ORDER BY 1";

    private StudySections() {
    }

    static void summary(Section s, StoreReader store) {
        Table.Builder t = Table.builder("runs per analysis and outcome", "analysis", "outcome", "runs",
                "total wall time (s)", "median wall time (s)");
        for (Object[] r : store.rows("SELECT analysis, outcome, count(*), sum(wall_ms) / 1000, "
                + "median(wall_ms) / 1000 FROM runs GROUP BY analysis, outcome ORDER BY analysis, outcome")) {
            t.row(Cell.text(str(r[0])), Cell.toned(str(r[1]), tone(str(r[1]))), Cell.count(num(r[2]).longValue()),
                    Cell.number(dbl(r[3])), Cell.number(dbl(r[4])));
        }
        if (t.size() == 0) {
            s.note("The store holds no runs.", Tone.WARN);
            return;
        }
        s.table(t.build());
        List<Object[]> bad = store.rows("SELECT run_key, outcome, message FROM runs WHERE outcome <> 'ok' "
                + "ORDER BY run_key LIMIT 20");
        if (!bad.isEmpty()) {
            Table.Builder b = Table.builder("runs that did not end ok (first 20)", "run", "outcome", "message");
            bad.forEach(r -> b.row(Cell.text(str(r[0])), Cell.toned(str(r[1]), tone(str(r[1]))), Cell.text(str(r[2]))));
            s.table(b.build());
        }
    }

    static void flows(HtmlReport page, StoreReader store) {
        List<String> keys = store.strings(FLOW_SERIES, "loss");
        List<String> driftKeys = store.strings(FLOW_SERIES, "drift");
        if (keys.isEmpty() && driftKeys.isEmpty()) {
            return;
        }
        Section s = page.section("flows", "Gradient flows");
        if (!keys.isEmpty()) {
            s.figure(lossFigure(store, keys));
        }
        Figure rates = rateFigure(store);
        if (rates != null) {
            s.figure(rates);
        }
        if (!driftKeys.isEmpty()) {
            List<Curve> curves = new ArrayList<>();
            for (String k : shown(driftKeys)) {
                double[][] xy = series(store, k, "drift");
                curves.add(Curve.line(k, xy[0], xy[1]));
            }
            s.figure(new Figure("flow-drift", "Invariant drift along the flow", "time t (flow units)",
                    "relative drift", Scale.LINEAR, Scale.LOG, Kind.LINES, curves, null, 0,
                    "Series 'drift': the largest relative change max_q |I_q(t) \u2212 I_q(0)| / max|I_q(0)| of the "
                            + "run's conserved quantities (e.g. the balance W\u2082\u1d40W\u2082 \u2212 "
                            + "W\u2081W\u2081\u1d40) since t = 0; exactly conserved by the flow, so this is "
                            + "integration error." + more(driftKeys)));
        }
    }

    private static Figure lossFigure(StoreReader store, List<String> keys) {
        List<Curve> curves = new ArrayList<>();
        boolean shifted = false;
        for (String k : shown(keys)) {
            double[][] xy = series(store, k, "loss");
            double star = metric(store, k, "loss_star");
            if (Double.isFinite(star)) {
                shifted = true;
                for (int i = 0; i < xy[1].length; i++) {
                    xy[1][i] -= star;
                }
            }
            curves.add(Curve.line(k, xy[0], xy[1]));
            int n = xy[0].length;
            for (String rate : new String[] {"rate_fit", "rate_predicted"}) {
                double r = metric(store, k, rate);
                if (Double.isFinite(r) && n >= 2) {
                    curves.add(rateLine(k + ": " + rate.replace('_', ' ') + " " + Numbers.sig(r), xy, r));
                }
            }
        }
        return new Figure("flow-loss", "Loss along the flow", "time t (flow units)",
                shifted ? "L(t) \u2212 L*" : "loss L(t)", Scale.LINEAR, Scale.LOG, Kind.LINES, curves, null, 0,
                "Series 'loss' (x = time, y = loss) on a logarithmic y axis, where "
                        + "L(t) \u2212 L* \u2248 C exp(\u2212r t) "
                        + "is a straight line of slope \u2212r."
                        + (curves.size() > shown(keys).size() ? " Dashed: exp(\u2212r t) through the last point over "
                        + "the second half of the time span, for the fitted rate (metric rate_fit) and the predicted "
                        + "one (rate_predicted)." : "") + (shifted ? " L* (metric loss_star) is subtracted." : "")
                        + more(keys));
    }

    /** The line y_end · exp(−r (t − t_end)) over the second half of the time span. */
    private static Curve rateLine(String name, double[][] xy, double r) {
        int n = xy[0].length;
        double t1 = xy[0][n - 1];
        double t0 = xy[0][0] + (t1 - xy[0][0]) / 2;
        double y1 = xy[1][n - 1];
        double[] t = new double[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = t0 + i * (t1 - t0) / 20;
        }
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = y1 * Math.exp(-r * (t[i] - t1));
        }
        return new Curve(name, t, y, null, null, Style.DASHED);
    }

    private static Figure rateFigure(StoreReader store) {
        List<Object[]> r = store.rows("SELECT f.run_key, p.value, f.value FROM metrics f JOIN metrics p "
                + "ON f.run_key = p.run_key AND f.name = 'rate_fit' AND p.name = 'rate_predicted' ORDER BY 1");
        if (r.isEmpty()) {
            return null;
        }
        double[] x = new double[r.size()];
        double[] y = new double[r.size()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = dbl(r.get(i)[1]);
            y[i] = dbl(r.get(i)[2]);
            for (double v : new double[] {x[i], y[i]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve("runs", x, y, null, null, Style.POINTS));
        if (lo <= hi) {
            curves.add(new Curve("fitted = predicted", new double[] {lo, hi}, new double[] {lo, hi}, null, null,
                    Style.DASHED));
        }
        return new Figure("flow-rates", "Fitted against predicted rates", "predicted rate (per unit time)",
                "fitted rate (per unit time)", Scale.LINEAR, Scale.LINEAR, Kind.SCATTER, curves, null, 0,
                "One point per run with both metrics rate_predicted and rate_fit (rates of L \u2212 L* per unit "
                        + "time); points on the dashed diagonal agree.");
    }

    static void spectra(HtmlReport page, StoreReader store) {
        List<Object[]> sets = store.rows("SELECT run_key, name, count(*), bool_and(weight = 1) FROM spectra "
                + "GROUP BY run_key, name ORDER BY run_key, name");
        if (sets.isEmpty()) {
            return;
        }
        Section s = page.section("spectra", "Hessian spectra");
        int shown = 0;
        for (Object[] set : sets) {
            if (shown++ == MAX_SHOWN) {
                s.paragraph((sets.size() - MAX_SHOWN) + " more spectra are in the store (table spectra).");
                break;
            }
            String key = str(set[0]);
            String name = str(set[1]);
            double[] values = store.doubles("SELECT value FROM spectra WHERE run_key = ? AND name = ? ORDER BY idx",
                    key, name);
            String id = "spectrum-" + Html.slug(key + "-" + name);
            if (Boolean.TRUE.equals(set[3])) {
                s.figure(new Figure(id, "Eigenvalues '" + name + "' of " + key, "eigenvalue \u03bb", "count",
                        Scale.LINEAR, Scale.LINEAR, Kind.HISTOGRAM, List.of(Curve.line(name, new double[0], values)),
                        null, 40, values.length + " eigenvalues (spectra rows of weight 1) in 40 equal bins."));
            } else {
                double[] w = store.doubles("SELECT weight FROM spectra WHERE run_key = ? AND name = ? ORDER BY idx",
                        key, name);
                s.figure(density(id, key, name, values, w));
            }
        }
    }

    /** A Gaussian-broadened density Σ w_k N(λ; λ_k, σ²) of a quadrature rule, σ = 1 % of the node range. */
    private static Figure density(String id, String key, String name, double[] nodes, double[] w) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : nodes) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double sigma = lo < hi ? (hi - lo) / 100 : Math.max(1e-12, Math.abs(lo) / 100);
        int m = 400;
        double a = lo - 5 * sigma;
        double step = (hi - lo + 10 * sigma) / (m - 1);
        List<double[]> kept = new ArrayList<>();
        double peak = 0;
        double[] dens = new double[m];
        for (int i = 0; i < m; i++) {
            double x = a + i * step;
            for (int k = 0; k < nodes.length; k++) {
                if (Double.isFinite(nodes[k]) && Double.isFinite(w[k])) {
                    double u = (x - nodes[k]) / sigma;
                    dens[i] += w[k] * Math.exp(-0.5 * u * u) / (sigma * Math.sqrt(2 * Math.PI));
                }
            }
            peak = Math.max(peak, dens[i]);
        }
        for (int i = 0; i < m; i++) {
            kept.add(new double[] {a + i * step, Math.max(dens[i], 1e-6 * peak)});
        }
        double[] x = kept.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = kept.stream().mapToDouble(p -> p[1]).toArray();
        return new Figure(id, "Spectral density '" + name + "' of " + key, "eigenvalue \u03bb", "density",
                Scale.LINEAR, Scale.LOG, Kind.LINES, List.of(Curve.line(name, x, y)), null, 0,
                nodes.length + " quadrature nodes with their weights (spectra rows), each broadened by a Gaussian of "
                        + "\u03c3 = " + Numbers.sig(sigma, 3) + " (1 % of the node range); "
                        + "floored at 10\u207b\u2076 "
                        + "of the peak.");
    }

    static void critical(HtmlReport page, StoreReader store) {
        List<Object[]> rows = store.rows("SELECT morse_index, loss, certified FROM critical_points "
                + "ORDER BY run_key, idx");
        if (rows.isEmpty()) {
            return;
        }
        Section s = page.section("critical", "Critical points");
        List<Curve> curves = new ArrayList<>();
        for (boolean cert : new boolean[] {true, false}) {
            List<double[]> pts = rows.stream().filter(r -> Boolean.TRUE.equals(r[2]) == cert)
                    .map(r -> new double[] {num(r[0]).doubleValue(), dbl(r[1])}).toList();
            if (!pts.isEmpty()) {
                curves.add(new Curve(cert ? "certified" : "not certified", pts.stream().mapToDouble(p -> p[0])
                        .toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), null, null, Style.POINTS));
            }
        }
        s.figure(new Figure("critical-census", "Critical points: loss against Morse index", "Morse index "
                + "(number of negative Hessian eigenvalues)", "loss L", Scale.LINEAR, Scale.LINEAR, Kind.SCATTER,
                curves, null, 0, rows.size() + " critical points (table critical_points) from all runs; certified "
                        + "= a Krawczyk box around the point holds exactly one zero of the gradient."));
        Table.Builder t = Table.builder("census by index and nullity", "Morse index", "nullity", "points",
                "certified", "min loss", "max loss");
        for (Object[] r : store.rows("SELECT morse_index, nullity, count(*), count(*) FILTER (WHERE certified), "
                + "min(loss), max(loss) FROM critical_points GROUP BY 1, 2 ORDER BY 1, 2")) {
            t.row(Cell.count(num(r[0]).longValue()), Cell.count(num(r[1]).longValue()),
                    Cell.count(num(r[2]).longValue()), Cell.count(num(r[3]).longValue()), Cell.number(dbl(r[4])),
                    Cell.number(dbl(r[5])));
        }
        s.table(t.build());
    }

    static void slices(HtmlReport page, StoreReader store) {
        List<Object[]> grids = store.rows("SELECT run_key, name, max(i) + 1, max(j) + 1 FROM grids "
                + "GROUP BY 1, 2 ORDER BY 1, 2");
        if (grids.isEmpty()) {
            return;
        }
        Section s = page.section("slices", "Loss slices");
        int shown = 0;
        for (Object[] g : grids) {
            if (shown++ == MAX_SHOWN) {
                s.paragraph((grids.size() - MAX_SHOWN) + " more grids are in the store (table grids).");
                break;
            }
            String key = str(g[0]);
            String name = str(g[1]);
            int nx = num(g[2]).intValue();
            int ny = num(g[3]).intValue();
            double[] x = new double[nx];
            double[] y = new double[ny];
            double[][] z = new double[nx][ny];
            for (double[] row : z) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            for (Object[] r : store.rows("SELECT i, j, x, y, value FROM grids WHERE run_key = ? AND name = ?",
                    key, name)) {
                int i = num(r[0]).intValue();
                int j = num(r[1]).intValue();
                x[i] = dbl(r[2]);
                y[j] = dbl(r[3]);
                z[i][j] = dbl(r[4]);
            }
            double[][] census = series(store, key, "census_points");
            if (name.equals("landscape") && census[0].length > 0) {
                s.figure(new Figure("census-" + Html.slug(key), "Certified critical points of " + key, "p1", "p2",
                        Scale.LINEAR, Scale.LINEAR, Kind.HEATMAP, List.of(new Curve("certified critical points",
                                census[0], census[1], null, null, Style.POINTS)), new HeatMap(x, y, z, "loss", true),
                        0, census[0].length + " critical points certified in the box (census analysis, table "
                                + "critical_points) drawn on the loss over the box (" + nx + " \u00d7 " + ny
                                + " grid, table grids); contour lines at " + HeatMaps.CONTOUR_LEVELS
                                + " evenly spaced levels."));
                continue;
            }
            s.figure(new Figure("slice-" + Html.slug(key + "-" + name), "Slice '" + name + "' of " + key,
                    "\u03b1 (coordinate along direction 1)", "\u03b2 (coordinate along direction 2)", Scale.LINEAR,
                    Scale.LINEAR, Kind.HEATMAP, List.of(), new HeatMap(x, y, z, name, true), 0,
                    nx + " \u00d7 " + ny + " grid (table grids): "
                            + "the value at \u03b8 + \u03b1 d\u2081 + \u03b2 d\u2082; "
                            + "contour lines at " + HeatMaps.CONTOUR_LEVELS + " evenly spaced levels."));
        }
    }

    static void basins(HtmlReport page, StoreReader store) {
        if (store.rows("SELECT 1 FROM basins LIMIT 1").isEmpty()) {
            return;
        }
        double[] alphas = store.doubles("SELECT value FROM metrics WHERE name = 'basin_alpha' ORDER BY run_key");
        double alpha = alphas.length > 0 && Double.isFinite(alphas[0]) ? alphas[0] : DEFAULT_ALPHA;
        Section s = page.section("basins", "Initial basins");
        Map<String, List<double[]>> byData = new LinkedHashMap<>();
        Table.Builder t = Table.builder("P[Bas \u2264 \u03b1] by data and width, \u03b1 = " + Numbers.sig(alpha),
                "data", "width", "initializations", "good", "estimate", "95 % Wilson interval");
        double wmin = Double.POSITIVE_INFINITY;
        double wmax = 0;
        for (Object[] r : store.rows("SELECT data, width, count(*), count(*) FILTER (WHERE basin_value <= ?) "
                + "FROM basins GROUP BY 1, 2 ORDER BY 1, 2", alpha)) {
            int n = num(r[2]).intValue();
            int k = num(r[3]).intValue();
            double[] ci = wilson(k, n, Z95);
            double width = num(r[1]).doubleValue();
            wmin = Math.min(wmin, width);
            wmax = Math.max(wmax, width);
            byData.computeIfAbsent(str(r[0]), d -> new ArrayList<>()).add(new double[] {width, (double) k / n,
                ci[0], ci[1]});
            t.row(Cell.text(str(r[0])), Cell.count((long) width), Cell.count(n), Cell.count(k),
                    Cell.number((double) k / n), Cell.text("[" + Numbers.sig(ci[0]) + ", " + Numbers.sig(ci[1]) + "]"));
        }
        List<Curve> curves = new ArrayList<>();
        byData.forEach((d, pts) -> curves.add(new Curve(d, col(pts, 0), col(pts, 1), col(pts, 2), col(pts, 3),
                Style.LINE)));
        s.figure(new Figure("basin-probability", "Probability of a good initial basin", "hidden width k",
                "P[Bas \u2264 \u03b1]", wmax >= 16 * wmin ? Scale.LOG : Scale.LINEAR, Scale.LINEAR, Kind.LINES, curves,
                null, 0, "Fraction of initializations whose basin value (table basins: exact minimal loss over the "
                        + "activation basin) is at most \u03b1 = " + Numbers.sig(alpha) + " (metric basin_alpha, "
                        + "default 0.01), per data set; bands are 95 % Wilson score intervals."));
        s.table(t.build());
    }

    /** The Wilson score interval of k successes in n trials at normal quantile z. */
    static double[] wilson(int k, int n, double z) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double[] col(List<double[]> pts, int c) {
        return pts.stream().mapToDouble(p -> p[c]).toArray();
    }

    private static double[][] series(StoreReader store, String key, String name) {
        List<Object[]> r = store.rows("SELECT x, y FROM series WHERE run_key = ? AND name = ? ORDER BY idx", key, name);
        double[][] xy = new double[2][r.size()];
        for (int i = 0; i < r.size(); i++) {
            xy[0][i] = dbl(r.get(i)[0]);
            xy[1][i] = dbl(r.get(i)[1]);
        }
        return xy;
    }

    private static double metric(StoreReader store, String key, String name) {
        double[] v = store.doubles("SELECT value FROM metrics WHERE run_key = ? AND name = ?", key, name);
        return v.length == 0 ? Double.NaN : v[0];
    }

    private static List<String> shown(List<String> keys) {
        return keys.subList(0, Math.min(MAX_SHOWN, keys.size()));
    }

    private static String more(List<String> keys) {
        return keys.size() > MAX_SHOWN ? " The first " + MAX_SHOWN + " of " + keys.size() + " runs, by run key." : "";
    }

    static Tone tone(String outcome) {
        return switch (outcome) {
            case "ok" -> Tone.GOOD;
            case "failed", "diverged" -> Tone.BAD;
            case "not_converged", "timeout" -> Tone.WARN;
            default -> Tone.PLAIN;
        };
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Number num(Object o) {
        return o == null ? 0 : (Number) o;
    }

    private static double dbl(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
