package org.flowscape.experiment.analyses;

import org.flowscape.operation.RunSettings;
import java.util.Map;
import java.util.TreeMap;
import org.flowscape.census.CensusConfig;
import org.flowscape.census.CensusResult;
import org.flowscape.census.CertifiedPoint;
import org.flowscape.census.Consistency;
import org.flowscape.experiment.Analysis;
import org.flowscape.experiment.CriticalPointRow;
import org.flowscape.experiment.Outcome;
import org.flowscape.experiment.RecordSink;
import org.flowscape.experiment.RunContext;
import org.flowscape.experiment.RunSpec;
import org.flowscape.objective.Objective;
import org.flowscape.rng.Seeds;
import org.flowscape.spec.Problem;

/**
 * {@code census}: the certified census in a box, as {@code flowscape census} runs it (via {@link CensusRun}); a study
 * sweeps it, e.g. against the weight decay {@code l2} or a width. The sampled census's seed is derived from the run's
 * seed.
 *
 * <p>Settings: {@code box} (required: {@code LO:HI} or {@code LO:HI,LO:HI,...}), {@code min-width} (1e-4),
 * {@code max-boxes} (2000000), {@code time-limit} (600 s), {@code samples} (100). Tolerances: {@code zero-tol} (1e-8).
 * Records: one critical point row per certified point (loss = the enclosure's midpoint, morse index, certified,
 * cert radius = the enclosure's half-width); metrics {@code points}, {@code orbits}, {@code index_K} for every K
 * (0 … P), {@code index_not_proved}, {@code complete} (1/0), {@code undecided}, {@code excluded_volume},
 * {@code boxes}, {@code seconds}, {@code euler_sum}, {@code euler_holds} (1 holds, 0 fails, NaN not applicable),
 * {@code sampled_found}; for P = 2 the series {@code census_points} (x = p1, y = p2 of each certified point) and the
 * grid {@code landscape} (the loss on a 41 × 41 grid over the box) that the report draws together. Outcome
 * not_converged when boxes were left undecided.
 */
public final class CensusAnalysis implements Analysis {
    /** Points per axis of the landscape grid recorded for 2-D problems. */
    static final int GRID = 41;

    @Override
    public String name() {
        return "census";
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        m.put("box", "");
        m.put("min-width", "1e-4");
        m.put("max-boxes", "2000000");
        m.put("time-limit", "600");
        m.put("samples", Integer.toString(CensusConfig.DEFAULT_SAMPLES));
        return m;
    }

    @Override
    public Map<String, Double> tolerances() {
        return Map.of("zero-tol", CensusConfig.DEFAULT_ZERO_TOL);
    }

    @Override
    public void validate(RunSpec spec) {
        RunSettings s = RunSettings.of(spec, settings());
        if (!s.isSet("box")) {
            throw new IllegalArgumentException("analysis census needs a box: box: -2:2 (one range for every "
                    + "coordinate) or box: -2:2,-1:1 (one per coordinate)");
        }
        s.real("min-width");
        s.integer("max-boxes");
        s.real("time-limit");
        s.smallInteger("samples");
    }

    @Override
    public void run(RunContext context, RecordSink sink) throws Exception {
        RunSpec spec = context.spec();
        RunSettings s = RunSettings.of(spec, settings());
        Problem p = RunSettings.problem(context);
        double[][] box = CensusRun.parseBox(s.text("box"), p.dim());
        CensusConfig config = new CensusConfig(box[0], box[1], s.real("min-width"), s.integer("max-boxes"),
                s.real("time-limit"), spec.tolerances().getOrDefault("zero-tol", CensusConfig.DEFAULT_ZERO_TOL),
                s.smallInteger("samples"), Seeds.derive(spec.seed(), "census-samples", 0));
        CensusResult r = CensusRun.run(p, config, null);
        int i = 0;
        for (CertifiedPoint pt : r.points()) {
            sink.criticalPoint(new CriticalPointRow(i++, 0.5 * (pt.lossLo() + pt.lossHi()), Double.NaN, pt.index(),
                    0, 0, false, pt.index() >= 0, 0.5 * pt.width(), Double.NaN, Double.NaN));
        }
        metrics(r, sink);
        if (p.dim() == 2) {
            drawing(p.objective(), r, sink);
        }
        if (!r.complete()) {
            sink.outcome(Outcome.NOT_CONVERGED, r.undecided().size() + " box(es) undecided, e.g. "
                    + r.undecided().get(0).reason().text());
        }
    }

    private static void metrics(CensusResult r, RecordSink sink) {
        sink.metric("points", r.points().size());
        sink.metric("orbits", r.orbitSizes().size());
        int[] counts = r.countsByIndex();
        for (int k = 0; k < counts.length - 1; k++) {
            sink.metric("index_" + k, counts[k]);
        }
        sink.metric("index_not_proved", counts[counts.length - 1]);
        sink.metric("complete", r.complete() ? 1 : 0);
        sink.metric("undecided", r.undecided().size());
        sink.metric("excluded_volume", r.excludedVolume());
        sink.metric("boxes", r.boxes());
        sink.metric("seconds", r.seconds());
        Consistency c = r.consistency();
        sink.metric("euler_sum", c.eulerSum());
        sink.metric("euler_holds", switch (c.euler()) {
            case HOLDS -> 1.0;
            case FAILS -> 0.0;
            default -> Double.NaN;
        });
        sink.metric("sampled_found", c.pointsFound());
    }

    /** The certified points and the loss on a grid over the box, for the report's 2-D drawing. */
    private static void drawing(Objective f, CensusResult r, RecordSink sink) {
        double[] px = new double[r.points().size()];
        double[] py = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.points().get(i).midpoint()[0];
            py[i] = r.points().get(i).midpoint()[1];
        }
        sink.series("census_points", px, py);
        double[] lo = r.config().lo();
        double[] hi = r.config().hi();
        double[] x = new double[GRID];
        double[] y = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            x[i] = lo[0] + (hi[0] - lo[0]) * i / (GRID - 1);
            y[i] = lo[1] + (hi[1] - lo[1]) * i / (GRID - 1);
        }
        double[][] v = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                v[i][j] = f.value(new double[] {x[i], y[j]});
            }
        }
        sink.grid("landscape", x, y, v);
    }
}
