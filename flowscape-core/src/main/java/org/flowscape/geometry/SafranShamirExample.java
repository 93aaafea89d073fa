package org.flowscape.geometry;

import org.flowscape.data.Dataset;
import org.flowscape.linalg.Matrix;

/**
 * The explicit example of Safran and Shamir (ICML 2016, Section 4; theory.md D.5) behind their Figures 2 and 3, as
 * data: one ReLU neuron w ↦ [⟨w, x⟩]_+ without output weight, squared loss with the paper's normalization
 * (1/m) Σ (·)², and the two points (x₁ = 1/2, y₁ = √(2ε)) and (x₂ = −1, y₂ = 1), placed on every coordinate axis for
 * d &gt; 1. Then L_S(w) = ½ [([w/2]_+ − √(2ε))² + ([−w]_+ − 1)²] in 1-D, and the d-dimensional objective is the
 * average of the 1-D objectives over the coordinates of w.
 *
 * <p>Closed forms: for w &lt; 0, L_S = (2ε + (w + 1)²)/2 with the global minimum ε at w = −1; for w &gt; 0,
 * L_S = ((w/2 − √(2ε))² + 1)/2 with the bad local minimum ½ at w = 2√(2ε); L_S(0) = ε + ½.
 *
 * @param epsilon ε &gt; 0 (the paper's Figure 2 uses ε = 0.1)
 */
public record SafranShamirExample(double epsilon) {
    public SafranShamirExample {
        if (!(epsilon > 0) || !(epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must lie in (0, 0.5) so that the good minimum is lower than "
                    + "the bad one, got " + epsilon);
        }
    }

    /** L_S(w) of the 1-D example. */
    public double value(double w) {
        double a = Math.max(w / 2, 0) - Math.sqrt(2 * epsilon);
        double b = Math.max(-w, 0) - 1;
        return 0.5 * (a * a + b * b);
    }

    /** The d-dimensional objective: the mean of {@link #value} over the coordinates of w (read only). */
    public double value(double[] w) {
        double s = 0;
        for (double wi : w) {
            s += value(wi);
        }
        return s / w.length;
    }

    /** The global minimizer w = −1. */
    public double goodMinimizer() {
        return -1.0;
    }

    /** The bad local minimizer w = 2√(2ε). */
    public double badMinimizer() {
        return 2 * Math.sqrt(2 * epsilon);
    }

    /** The global minimum ε. */
    public double goodMinimum() {
        return epsilon;
    }

    /** The bad local minimum ½. */
    public double badMinimum() {
        return 0.5;
    }

    /**
     * Figure 2: L_S on {@code points} equally spaced w in [lo, hi]; row 0 holds w, row 1 holds L_S(w) (2 × points).
     */
    public double[][] figure2(double lo, double hi, int points) {
        double[] w = Slices.axis(lo, hi, points);
        double[] l = new double[points];
        for (int i = 0; i < points; i++) {
            l[i] = value(w[i]);
        }
        return new double[][] {w, l};
    }

    /**
     * Figure 3 (d = 2): L on the grid w₁ × w₂ with both axes {@code points} equally spaced points in [lo, hi];
     * {@code z[i][j]} = L(axis[i], axis[j]).
     */
    public double[][] figure3(double lo, double hi, int points) {
        double[] w = Slices.axis(lo, hi, points);
        double[][] z = new double[points][points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                z[i][j] = 0.5 * (value(w[i]) + value(w[j]));
            }
        }
        return z;
    }

    /**
     * The 2d data points of the d-dimensional example as a dataset: rows (1/2)e_j with target √(2ε) and −e_j with
     * target 1, j = 1..d. With the model {@code mlp:d-1-1:relu:nobias}, output weight 1 and loss {@code mse-mean} its
     * empirical risk is {@link #value(double[])}.
     */
    public Dataset dataset(int d) {
        double[] x = new double[2 * d * d];
        double[] y = new double[2 * d];
        for (int j = 0; j < d; j++) {
            x[(2 * j) * d + j] = 0.5;
            y[2 * j] = Math.sqrt(2 * epsilon);
            x[(2 * j + 1) * d + j] = -1.0;
            y[2 * j + 1] = 1.0;
        }
        return new Dataset("safran-shamir:d=" + d + ",eps=" + epsilon, new Matrix(2 * d, d, x),
                new Matrix(2 * d, 1, y));
    }
}
