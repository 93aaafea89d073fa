package org.flowscape.loss;

/**
 * Softmax cross-entropy, mean over samples: L = (1/n) Σ_i [ s_i · logsumexp(f_i) − Σ_o y_io f_io ] with s_i = Σ_o y_io
 * (= 1 for one-hot or probability targets). Targets are either one column of integer class indices 0..k−1 or k
 * columns of one-hot / probability rows; the layout is told apart by the length of {@code y} (n or n·k).
 */
public final class SoftmaxCrossEntropy implements Loss {

    @Override
    public String spec() {
        return "xent";
    }

    @Override
    public String formula() {
        return "L = 1/n * sum_i -sum_o y_io log softmax(f_i)_o (targets as class indices or one-hot rows)";
    }

    @Override
    public void validateTargets(double[] y, int n, int k, int targetColumns) {
        if (k < 2) {
            throw new IllegalArgumentException("xent needs a model with at least 2 outputs (one per class), got " + k);
        }
        if (targetColumns == 1) {
            for (int i = 0; i < n; i++) {
                double c = y[i];
                if (c != Math.rint(c) || c < 0 || c >= k) {
                    throw new IllegalArgumentException("xent target in row " + (i + 1) + " is " + c
                            + "; class indices must be integers in 0.." + (k - 1));
                }
            }
        } else if (targetColumns != k) {
            throw new IllegalArgumentException("xent needs 1 column of class indices or " + k
                    + " one-hot columns, but the data has " + targetColumns);
        }
    }

    private static double target(double[] y, int n, int k, int i, int o) {
        if (y.length == n && k > 1) {
            return y[i] == o ? 1 : 0;
        }
        return y[i * k + o];
    }

    /** Writes softmax(f_i) into p (length k) and returns logsumexp(f_i). */
    private static double softmax(double[] f, int i, int k, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < k; o++) {
            max = Math.max(max, f[i * k + o]);
        }
        double s = 0;
        for (int o = 0; o < k; o++) {
            p[o] = Math.exp(f[i * k + o] - max);
            s += p[o];
        }
        for (int o = 0; o < k; o++) {
            p[o] /= s;
        }
        return max + Math.log(s);
    }

    @Override
    public double value(double[] f, double[] y, int n, int k) {
        return valueAndGradient(f, y, n, k, null);
    }

    @Override
    public double valueAndGradient(double[] f, double[] y, int n, int k, double[] gradOut) {
        double[] p = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double lse = softmax(f, i, k, p);
            double mass = 0;
            for (int o = 0; o < k; o++) {
                double t = target(y, n, k, i, o);
                mass += t;
                total -= t * f[i * k + o];
            }
            total += mass * lse;
            if (gradOut != null) {
                for (int o = 0; o < k; o++) {
                    gradOut[i * k + o] = (mass * p[o] - target(y, n, k, i, o)) / n;
                }
            }
        }
        return total / n;
    }

    @Override
    public void hessianBlocks(double[] f, double[] y, int n, int k, double[] out) {
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            softmax(f, i, k, p);
            double mass = 0;
            for (int o = 0; o < k; o++) {
                mass += target(y, n, k, i, o);
            }
            int base = i * k * k;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    out[base + a * k + b] = mass * ((a == b ? p[a] : 0) - p[a] * p[b]) / n;
                }
            }
        }
    }

    @Override
    public boolean entrywise() {
        return false;
    }

    @Override
    public String toString() {
        return spec();
    }
}
