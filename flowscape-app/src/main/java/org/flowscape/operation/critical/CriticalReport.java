package org.flowscape.operation.critical;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.flowscape.analysis.Certificate;
import org.flowscape.analysis.CriticalPointReport;
import org.flowscape.analysis.PolishResult;
import org.flowscape.analysis.PolishStep;
import org.flowscape.analysis.RedundancyFinding;
import org.flowscape.analysis.RedundancyReport;
import org.flowscape.operation.critical.CriticalRun;
import org.flowscape.operation.JsonOutput;
import org.flowscape.operation.AnalysisJson;

/** Renders a {@link CriticalRun} as text or as the {@code critical} JSON document of {@code docs/cli.md}. */
public final class CriticalReport {
    private CriticalReport() {
    }

    public static void text(CriticalRun run, PrintWriter out) {
        var p = run.problem();
        var s = run.settings();
        out.println("model     " + p.modelSpec() + "   P = " + p.dim());
        out.println("data      " + p.dataSpec() + "   n = " + p.dataSize());
        out.println("loss      " + p.lossSpec() + "   " + p.lossFormula());
        out.printf(Locale.ROOT, "polish    %s to |grad| <= %s within %d iterations; zero eigenvalue tol %s x radius%n",
                s.method().name().toLowerCase(Locale.ROOT), AnalysisJson.num(s.gradientTol()), s.maxIterations(),
                AnalysisJson.num(s.zeroTol()));
        for (CriticalRun.Point pt : run.points()) {
            CriticalPointReport r = pt.report();
            String who = pt.start() < 0 ? "theta (" + p.thetaSource() + ")" : "start " + pt.start();
            out.printf(Locale.ROOT, "%-12s %-14s L %s  |grad| %s  %d it%n", who, pt.polish().status(),
                    AnalysisJson.num(pt.polish().value()), AnalysisJson.num(pt.polish().gradientNorm()),
                    pt.polish().iterations());
            out.printf(Locale.ROOT, "  %s: index %d, nullity %d (symmetry orbit %d explains %d; outputs unchanged "
                            + "along %d; unexplained %d), lambda min %s max %s%n", r.type(), r.index(), r.nullity(),
                    r.orbitDimension(), r.nullityExplained(), r.realisationNullity(), r.unexplainedNullity(),
                    AnalysisJson.num(r.spectrum().eigen().min()), AnalysisJson.num(r.spectrum().eigen().max()));
            if (pt.certificate() != null) {
                out.println("  certificate " + pt.certificate().status() + ": " + pt.certificate().reason());
            }
            if (pt.redundancy() != null) {
                RedundancyReport red = pt.redundancy();
                out.printf(Locale.ROOT, "  %s; Jacobian rank %d of %d; distance to redundant set %s%n",
                        red.redundant() ? "redundant " + red.findings() : "efficient", red.jacobianRank(),
                        red.parameterCount(), AnalysisJson.num(red.distanceToRedundantSet()));
            }
            if (pt.orbit() >= 0) {
                out.println("  orbit " + pt.orbit());
            }
        }
        out.printf(Locale.ROOT, "census    %d converged of %d, %d distinct modulo permutations and sign flips%n",
                run.convergedCount(), run.points().size(), run.orbits().size());
        if (run.stopped()) {
            out.printf(Locale.ROOT, "stopped   by the time limit after %d of %d starts; the points above are kept%n",
                    run.points().size(), run.wanted());
        }
        out.flush();
    }

    public static ObjectNode json(CriticalRun run) {
        ObjectNode doc = JsonOutput.document("critical");
        doc.set("problem", AnalysisJson.problem(run.problem()));
        var s = run.settings();
        ObjectNode settings = doc.putObject("settings");
        settings.put("polish", CriticalRun.polishName(s.method()));
        settings.put("gradient_tolerance", s.gradientTol());
        settings.put("max_iterations", s.maxIterations());
        settings.put("warm_iterations", s.warmIterations());
        settings.put("zero_tol_rel", s.zeroTol());
        settings.put("certify", s.certify());
        settings.put("starts", s.starts());
        settings.put("seed", s.seed());
        ArrayNode points = doc.putArray("points");
        for (CriticalRun.Point pt : run.points()) {
            points.add(point(pt));
        }
        ObjectNode census = doc.putObject("census");
        census.put("points", run.points().size());
        census.put("converged", run.convergedCount());
        census.put("orbits", run.orbits().size());
        ArrayNode sizes = census.putArray("orbit_sizes");
        run.orbits().forEach(o -> sizes.add(o.members().size()));
        if (run.stopped()) {
            doc.put("stopped", "time limit");
        }
        return doc;
    }

    private static ObjectNode point(CriticalRun.Point pt) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        if (pt.start() >= 0) {
            o.put("start", pt.start());
        } else {
            o.putNull("start");
        }
        o.set("warm_start", pt.warm() == null ? null : polishJson(pt.warm(), false));
        o.set("polish", polishJson(pt.polish(), true));
        CriticalPointReport r = pt.report();
        ObjectNode c = o.putObject("classification");
        c.put("type", r.type().name().toLowerCase(java.util.Locale.ROOT));
        c.put("loss", r.value());
        c.put("gradient_norm", r.gradientNorm());
        c.put("index", r.index());
        c.put("nullity", r.nullity());
        c.put("strict_saddle", r.strictSaddle());
        c.put("morse", r.morse());
        c.put("orbit_dimension", r.orbitDimension());
        c.put("nullity_explained_by_symmetry", r.nullityExplained());
        c.put("excess_nullity", r.excessNullity());
        c.put("realisation_nullity", r.realisationNullity());
        c.put("unexplained_nullity", r.unexplainedNullity());
        c.put("zero_threshold", r.spectrum().inertia().threshold());
        c.set("eigenvalues", JsonOutput.array(r.spectrum().values()));
        o.set("certificate", pt.certificate() == null ? null : certificateJson(pt.certificate()));
        o.set("redundancy", pt.redundancy() == null ? null : redundancyJson(pt.redundancy()));
        if (pt.orbit() >= 0) {
            o.put("orbit", pt.orbit());
        } else {
            o.putNull("orbit");
        }
        o.set("theta", JsonOutput.array(pt.polish().theta()));
        return o;
    }

    private static ObjectNode polishJson(PolishResult r, boolean history) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("iterations", r.iterations());
        o.put("loss", r.value());
        o.put("gradient_norm", r.gradientNorm());
        if (history) {
            ArrayNode h = o.putArray("history");
            for (PolishStep step : r.history()) {
                ObjectNode e = h.addObject();
                e.put("iteration", step.iteration());
                e.put("loss", step.value());
                e.put("gradient_norm", step.gradientNorm());
                e.put("step_norm", step.stepNorm());
                e.put("parameter", step.parameter());
                e.put("accepted", step.accepted());
            }
        }
        return o;
    }

    private static ObjectNode certificateJson(Certificate c) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("reason", c.reason());
        o.put("unique", c.uniqueProved());
        if (c.index() >= 0) {
            o.put("index", c.index());
        } else {
            o.putNull("index");
        }
        o.put("radius_rel", c.radius());
        o.put("enclosure_width", c.enclosureWidth());
        o.put("gershgorin_gap", c.gershgorinGap());
        o.put("digits", c.digits());
        return o;
    }

    private static ObjectNode redundancyJson(RedundancyReport r) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("redundant", r.redundant());
        o.put("polynomially_redundant", r.polynomiallyRedundant());
        o.put("distance_to_redundant_set", r.distanceToRedundantSet());
        o.put("jacobian_rank", r.jacobianRank());
        o.put("rank_deficit", r.rankDeficit());
        o.put("baseline_deficit", r.baselineDeficit());
        o.put("rank_test_valid", r.rankTestValid());
        o.put("consistent", r.consistent());
        ArrayNode f = o.putArray("findings");
        for (RedundancyFinding x : r.findings()) {
            ObjectNode e = f.addObject();
            e.put("kind", x.kind().name().toLowerCase(java.util.Locale.ROOT));
            e.put("first", x.first());
            if (x.second() >= 0) {
                e.put("second", x.second());
            } else {
                e.putNull("second");
            }
            e.put("distance", x.distance());
            e.put("reducible", x.reducible());
            e.put("expected_deficit", x.expectedDeficit());
        }
        return o;
    }
}
