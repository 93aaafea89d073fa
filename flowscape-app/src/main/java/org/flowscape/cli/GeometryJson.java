package org.flowscape.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowscape.geometry.MonotonePathResult;
import org.flowscape.geometry.PathProfile;
import org.flowscape.geometry.Slice;
import org.flowscape.geometry.SliceDirections;
import org.flowscape.geometry.TrajectoryProjection;
import org.flowscape.operation.JsonOutput;

/** The JSON pieces of the {@code landscape} and {@code path} documents ({@code docs/geometry.md}). */
final class GeometryJson {
    private GeometryJson() {
    }

    /** {@code slice}: directions, axes, loss grid (rows follow x) and optional eigenvalue grids. */
    static ObjectNode slice(Slice s, double range) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        SliceDirections d = s.directions();
        o.put("dimension", s.dimension());
        o.put("directions_kind", d.kind());
        o.put("description", d.description());
        o.put("range", range);
        o.set("x", JsonOutput.array(s.x()));
        o.set("y", JsonOutput.array(s.y()));
        o.set("loss", grid(s.loss()));
        o.put("origin_loss", s.originLoss());
        o.put("min_loss", s.minLoss());
        o.set("min_eigenvalue", s.minEigenvalue() == null ? null : grid(s.minEigenvalue()));
        o.set("max_eigenvalue", s.maxEigenvalue() == null ? null : grid(s.maxEigenvalue()));
        o.put("curvature_method", s.curvatureMethod());
        o.set("direction_eigenvalues", JsonOutput.array(d.eigenvalues()));
        o.set("anchors", grid(d.anchors()));
        o.set("directions", grid(d.directions()));
        return o;
    }

    /** {@code trajectory}: plane coordinates, projection errors, projected and true losses. */
    static ObjectNode overlay(TrajectoryProjection t) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("points", t.trueLoss().length);
        o.put("max_projection_error", t.maxProjectionError());
        o.set("coordinates", grid(t.coordinates()));
        o.set("projection_error", JsonOutput.array(t.projectionError()));
        o.set("projected_loss", JsonOutput.array(t.projectedLoss()));
        o.set("true_loss", JsonOutput.array(t.trueLoss()));
        return o;
    }

    /** {@code path}: λ, losses, both barrier conventions and monotonicity. */
    static ObjectNode profile(PathProfile p) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("points", p.lambdas().length);
        o.put("barrier", p.barrier());
        o.put("barrier_lambda", p.barrierLambda());
        o.put("barrier_above_endpoints", p.barrierAboveEndpoints());
        o.put("peak_lambda", p.peakLambda());
        o.put("monotone", p.monotone());
        if (p.monotone()) {
            o.putNull("first_increase_lambda");
        } else {
            o.put("first_increase_lambda", p.firstIncreaseLambda());
        }
        o.put("monotone_tol_abs", p.tolerance().abs());
        o.put("monotone_tol_rel", p.tolerance().rel());
        o.set("lambda", JsonOutput.array(p.lambdas()));
        o.set("loss", JsonOutput.array(p.losses()));
        return o;
    }

    /** {@code monotone_construction}: the Theorem 1 path with its certificate. */
    static ObjectNode monotone(MonotonePathResult r) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("certified", r.certified());
        o.put("message", r.message());
        o.put("method", r.method());
        o.put("zero_loss", r.zeroLoss());
        o.put("start_loss", r.startLoss());
        o.put("target_loss", r.targetLoss());
        o.put("end_scale", r.endScale());
        o.put("largest_increment", r.largestIncrement());
        o.put("max_residual", r.maxResidual());
        o.put("residual_tol_abs", r.config().residualTolerance().abs());
        o.put("residual_tol_rel", r.config().residualTolerance().rel());
        o.put("root_accuracy", r.config().rootAccuracy());
        o.put("max_scale", r.config().maxScale());
        if (r.straight() == null) {
            o.putNull("straight_monotone");
        } else {
            o.put("straight_monotone", r.straight().monotone());
        }
        o.set("lambda", JsonOutput.array(r.lambdas()));
        o.set("scale", JsonOutput.array(r.scales()));
        o.set("target", JsonOutput.array(r.targets()));
        o.set("loss", JsonOutput.array(r.losses()));
        o.set("final_scale", JsonOutput.array(r.finalScales()));
        o.set("final_loss", JsonOutput.array(r.finalLosses()));
        return o;
    }

    static ArrayNode grid(double[][] rows) {
        ArrayNode a = JsonOutput.MAPPER.createArrayNode();
        for (double[] row : rows) {
            a.add(JsonOutput.array(row));
        }
        return a;
    }
}
