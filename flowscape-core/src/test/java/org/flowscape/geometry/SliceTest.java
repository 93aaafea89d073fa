package org.flowscape.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowscape.testing.NumericAssert.assertClose;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SymmetricEigen;
import org.flowscape.linalg.Vectors;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.testing.Problems;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void planeThroughThreePointsPassesThroughAllThree() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:3-6-2:tanh", 9, 5);
        double[] a = GeometryFixtures.gaussianTheta(f.dim(), 5, 0);
        double[] b = GeometryFixtures.gaussianTheta(f.dim(), 5, 1);
        double[] c = GeometryFixtures.gaussianTheta(f.dim(), 5, 2);
        SliceDirections plane = SliceDirections.throughPoints(a, b, c);
        assertThat(plane.anchors()[0]).containsExactly(0.0, 0.0);
        double[][] points = {a, b, c};
        double[] node = new double[f.dim()];
        for (int k = 0; k < 3; k++) {
            double[] ab = plane.anchors()[k];
            Slices.node(plane, ab[0], ab[1], node);
            assertClose("point " + k, points[k], node, 1e-12, 1e-12);
            assertClose("loss at point " + k, f.value(points[k]), f.value(node), 1e-12, 1e-12);
        }
        assertClose("orthonormal", 0.0, Vectors.dot(plane.directions()[0], plane.directions()[1]), 1e-14, 0);
        assertClose("unit", 1.0, Vectors.norm2(plane.directions()[1]), 0, 1e-14);
        double[] mid = LinearPath.point(b, c, 0.5, new double[f.dim()]);
        assertThatThrownBy(() -> SliceDirections.throughPoints(b, c, mid)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("collinear");
    }

    @Test
    void projectionErrorIsZeroForInPlanePointsAndTheDistanceOtherwise() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:2-5-1:relu", 7, 6);
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 6, 0);
        SliceDirections dirs = SliceDirections.random(f, theta, 2, 3);
        List<double[]> path = new ArrayList<>();
        double[][] coords = {{0, 0}, {0.3, -0.7}, {-1.2, 0.4}, {2, 2}};
        for (double[] ab : coords) {
            path.add(Slices.node(dirs, ab[0], ab[1], new double[f.dim()]));
        }
        TrajectoryProjection in = TrajectoryProjection.of(f, dirs, path);
        for (int t = 0; t < coords.length; t++) {
            assertClose("coordinates " + t, coords[t], in.coordinates()[t], 1e-12, 1e-12);
            assertThat(in.projectionError()[t]).isLessThan(1e-12 * (1 + Vectors.norm2(path.get(t))));
            assertClose("projected loss " + t, in.trueLoss()[t], in.projectedLoss()[t], 1e-12, 1e-12);
        }
        // A point moved off the plane by a vector orthogonal to it is projected back: error = that vector's norm.
        PlaneBasis basis = PlaneBasis.of(dirs.origin(), dirs.directions());
        double[] e = Problems.unit(f.dim(), 9, 0);
        for (double[] q : basis.q()) {
            Vectors.axpy(-Vectors.dot(q, e), q, e);
        }
        double off = 0.37 / Vectors.norm2(e);
        double[] p = path.get(1).clone();
        Vectors.axpy(off, e, p);
        TrajectoryProjection out = TrajectoryProjection.of(f, dirs, List.of(p));
        assertClose("distance to plane", 0.37, out.projectionError()[0], 1e-12, 1e-10);
        assertClose("coordinates", coords[1], out.coordinates()[0], 1e-12, 1e-10);
    }

    @Test
    void randomSliceEvaluatesTheLossAtEveryNode() {
        EmpiricalRisk f = GeometryFixtures.reluRisk("mlp:2-4-1:tanh", 6, 7);
        double[] theta = GeometryFixtures.gaussianTheta(f.dim(), 7, 0);
        SliceDirections dirs = SliceDirections.random(f, theta, 2, 1);
        double[] x = Slices.axis(-1, 1, 5);
        double[] y = Slices.axis(-0.5, 0.5, 3);
        Slice s = Slices.evaluate(f, dirs, x, y, true, 0);
        assertThat(s.loss().length).isEqualTo(5);
        assertThat(s.loss()[0].length).isEqualTo(3);
        assertThat(s.originLoss()).isEqualTo(f.value(theta));
        double[] node = new double[f.dim()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                Slices.node(dirs, x[i], y[j], node);
                assertThat(s.loss()[i][j]).isEqualTo(f.value(node));
                SymmetricEigen e = SymmetricEigen.values(new Matrix(f.dim(), f.dim(),
                        f.hessian(node, new double[f.dim() * f.dim()])));
                assertClose("min eig", e.min(), s.minEigenvalue()[i][j], 1e-12, 1e-12);
                assertClose("max eig", e.max(), s.maxEigenvalue()[i][j], 1e-12, 1e-12);
            }
        }
    }

    /** On linear least squares L is quadratic: along a unit Hessian eigenvector, L(θ + a v) = L + a g·v + λa²/2. */
    @Test
    void hessianSliceOfAQuadraticIsTheParabolaOfItsEigenvalue() {
        var net = Models.linear("linear:3x1", new int[] {3, 1});
        EmpiricalRisk f = new EmpiricalRisk(net, Losses.mse(), Problems.gaussian(8, 3, 1, 8));
        double[] theta = {0.3, -0.2, 0.5};
        SliceDirections dirs = SliceDirections.hessian(f, theta, 1, 0);
        double[] v = dirs.directions()[0];
        double lambda = dirs.eigenvalues()[0];
        double[] g = new double[3];
        double l0 = f.valueAndGradient(theta, g);
        double[] x = Slices.axis(-2, 2, 9);
        Slice s = Slices.evaluate(f, dirs, x, null, true, 0);
        assertThat(s.y()).containsExactly(0.0);
        double[] ev = SymmetricEigen.values(new Matrix(3, 3, f.hessian(theta, new double[9]))).values();
        assertClose("top eigenvalue", ev[2], lambda, 1e-13, 1e-12);
        for (int i = 0; i < x.length; i++) {
            double expected = l0 + x[i] * Vectors.dot(g, v) + 0.5 * lambda * x[i] * x[i];
            assertClose("parabola at " + x[i], expected, s.loss()[i][0], 1e-13, 1e-12);
            assertClose("constant curvature", ev[0], s.minEigenvalue()[i][0], 1e-13, 1e-12);
        }
        SliceDirections two = SliceDirections.hessian(f, theta, 2, 0);
        assertClose("bottom eigenvalue", ev[0], two.eigenvalues()[1], 1e-13, 1e-12);
    }
}
