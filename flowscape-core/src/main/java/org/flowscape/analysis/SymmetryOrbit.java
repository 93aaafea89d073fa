package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.linalg.Tolerance;
import org.flowscape.model.ParameterBlock;
import org.flowscape.model.ParameterLayout;
import org.flowscape.model.Symmetry;
import org.flowscape.objective.Objective;

/**
 * Tangent vectors at θ of the orbits of the model's continuous symmetries ({@link Objective#symmetries()}); the
 * orbit's dimension is their rank. For {@link Symmetry.PositiveRescaling} of unit j of layer l (degree k): +W_l[j,:]
 * on the incoming weights, +b_l[j] on the bias, −k·W_{l+1}[:,j] on the outgoing weights. For
 * {@link Symmetry.LinearGauge} of layer l (width n): for each generator E_ab of gl(n), (E W_l, E b_l, −W_{l+1} E).
 * At a critical point each tangent is a null vector of the Hessian.
 */
public final class SymmetryOrbit {
    /** The default rank tolerance: singular values above 1e-10 + 1e-8 · σ_max count. */
    public static final Tolerance DEFAULT_RANK = new Tolerance(1e-10, 1e-8);

    private SymmetryOrbit() {
    }

    /** The tangent vectors as rows (count × P); θ is read only. */
    public static Matrix tangents(Objective objective, double[] theta) {
        ParameterLayout layout = objective.layout();
        int p = objective.dim();
        List<double[]> rows = new ArrayList<>();
        for (Symmetry s : objective.symmetries()) {
            if (s instanceof Symmetry.PositiveRescaling r) {
                rescalings(layout, theta, r, p, rows);
            } else if (s instanceof Symmetry.LinearGauge g) {
                gauge(layout, theta, g, p, rows);
            }
        }
        double[] data = new double[rows.size() * p];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, data, i * p, p);
        }
        return new Matrix(rows.size(), p, data);
    }

    /** The numerical rank of the rows of {@code m} at {@code tolerance} relative to its largest singular value. */
    public static int rank(Matrix m, Tolerance tolerance) {
        return rank(m, tolerance, largestSingularValue(m));
    }

    /** The largest singular value of {@code m} (0 when empty). */
    public static double largestSingularValue(Matrix m) {
        if (m.rows() == 0 || m.cols() == 0) {
            return 0;
        }
        double[] s = SingularValues.of(m).values();
        return s.length == 0 ? 0 : s[0];
    }

    /** The number of singular values of {@code m} above {@code tolerance} applied to {@code scale}. */
    public static int rank(Matrix m, Tolerance tolerance, double scale) {
        if (m.rows() == 0 || m.cols() == 0) {
            return 0;
        }
        double[] s = SingularValues.of(m).values();
        double threshold = tolerance.threshold(scale);
        int r = 0;
        for (double v : s) {
            if (v > threshold) {
                r++;
            }
        }
        return r;
    }

    /** The dimension of the symmetry orbit through θ. */
    public static int dimension(Objective objective, double[] theta, Tolerance tolerance) {
        return rank(tangents(objective, theta), tolerance);
    }

    private static void rescalings(ParameterLayout layout, double[] theta, Symmetry.PositiveRescaling r, int p,
            List<double[]> rows) {
        ParameterBlock in = block(layout, r.layer(), ParameterBlock.Kind.WEIGHT);
        ParameterBlock bias = block(layout, r.layer(), ParameterBlock.Kind.BIAS);
        ParameterBlock out = block(layout, r.layer() + 1, ParameterBlock.Kind.WEIGHT);
        for (int j = 0; j < r.width(); j++) {
            double[] t = new double[p];
            for (int c = 0; c < in.cols(); c++) {
                t[in.offset() + j * in.cols() + c] = theta[in.offset() + j * in.cols() + c];
            }
            if (bias != null) {
                t[bias.offset() + j] = theta[bias.offset() + j];
            }
            for (int i = 0; i < out.rows(); i++) {
                t[out.offset() + i * out.cols() + j] = -r.degree() * theta[out.offset() + i * out.cols() + j];
            }
            rows.add(t);
        }
    }

    private static void gauge(ParameterLayout layout, double[] theta, Symmetry.LinearGauge g, int p,
            List<double[]> rows) {
        ParameterBlock in = block(layout, g.layer(), ParameterBlock.Kind.WEIGHT);
        ParameterBlock bias = block(layout, g.layer(), ParameterBlock.Kind.BIAS);
        ParameterBlock out = block(layout, g.layer() + 1, ParameterBlock.Kind.WEIGHT);
        int n = g.width();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double[] t = new double[p];
                for (int c = 0; c < in.cols(); c++) {
                    t[in.offset() + a * in.cols() + c] = theta[in.offset() + b * in.cols() + c];
                }
                if (bias != null) {
                    t[bias.offset() + a] = theta[bias.offset() + b];
                }
                for (int i = 0; i < out.rows(); i++) {
                    t[out.offset() + i * out.cols() + b] = -theta[out.offset() + i * out.cols() + a];
                }
                rows.add(t);
            }
        }
    }

    private static ParameterBlock block(ParameterLayout layout, int layer, ParameterBlock.Kind kind) {
        for (ParameterBlock b : layout.blocks()) {
            if (b.layer() == layer && b.kind() == kind) {
                return b;
            }
        }
        if (kind == ParameterBlock.Kind.BIAS) {
            return null;
        }
        throw new IllegalArgumentException("the parameter layout has no " + kind + " block for layer " + layer
                + ", which its symmetries refer to");
    }
}
