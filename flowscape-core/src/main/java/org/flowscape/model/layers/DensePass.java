package org.flowscape.model.layers;

import org.flowscape.linalg.Blas;
import org.flowscape.linalg.LinearAlgebra;

/**
 * The calculus of a {@link Dense} layer: every product is one BLAS call over the batch (the same calls, in the same
 * order, as {@code NetworkWorkspace}, so a dense stack gives the bits of {@code mlp:}).
 */
final class DensePass implements LayerPass {
    private final Dense layer;
    private final int off;
    private final int bOff;
    private final Blas blas;
    private final double[] y;
    private final double[] gx;
    private final double[] ry;
    private final double[] rgx;
    private double[] theta;
    private double[] x;
    private double[] gy;
    private double[] rx;
    private int n;

    DensePass(Dense layer, int offset, int capacity) {
        this.layer = layer;
        this.off = offset;
        this.bOff = offset + layer.out() * layer.in();
        this.blas = LinearAlgebra.blas();
        this.y = new double[capacity * layer.out()];
        this.gx = new double[capacity * layer.in()];
        this.ry = new double[capacity * layer.out()];
        this.rgx = new double[capacity * layer.in()];
    }

    @Override
    public double[] forward(double[] theta, double[] x, int n) {
        this.theta = theta;
        this.x = x;
        this.n = n;
        int in = layer.in();
        int out = layer.out();
        blas.gemm(false, true, n, out, in, 1.0, x, 0, in, theta, off, in, 0.0, y, 0, out);
        if (layer.bias()) {
            addRows(y, theta, bOff, n, out);
        }
        return y;
    }

    @Override
    public double[] backward(double[] gy, double[] grad, boolean inputGradient) {
        this.gy = gy;
        int in = layer.in();
        int out = layer.out();
        blas.gemm(true, false, out, in, n, 1.0, gy, 0, out, x, 0, in, 0.0, grad, off, in);
        if (layer.bias()) {
            columnSums(gy, n, out, grad, bOff);
        }
        if (!inputGradient) {
            return null;
        }
        blas.gemm(false, false, n, in, out, 1.0, gy, 0, out, theta, off, in, 0.0, gx, 0, in);
        return gx;
    }

    @Override
    public double[] tangent(double[] v, double[] rx) {
        this.rx = rx;
        int in = layer.in();
        int out = layer.out();
        blas.gemm(false, true, n, out, in, 1.0, x, 0, in, v, off, in, 0.0, ry, 0, out);
        if (rx != null) {
            blas.gemm(false, true, n, out, in, 1.0, rx, 0, in, theta, off, in, 1.0, ry, 0, out);
        }
        if (layer.bias()) {
            addRows(ry, v, bOff, n, out);
        }
        return ry;
    }

    @Override
    public double[] rBackward(double[] v, double[] rgy, double[] hv, boolean inputGradient) {
        int in = layer.in();
        int out = layer.out();
        blas.gemm(true, false, out, in, n, 1.0, rgy, 0, out, x, 0, in, 0.0, hv, off, in);
        if (rx != null) {
            blas.gemm(true, false, out, in, n, 1.0, gy, 0, out, rx, 0, in, 1.0, hv, off, in);
        }
        if (layer.bias()) {
            columnSums(rgy, n, out, hv, bOff);
        }
        if (!inputGradient) {
            return null;
        }
        blas.gemm(false, false, n, in, out, 1.0, rgy, 0, out, theta, off, in, 0.0, rgx, 0, in);
        blas.gemm(false, false, n, in, out, 1.0, gy, 0, out, v, off, in, 1.0, rgx, 0, in);
        return rgx;
    }

    /** target[i, j] += row[offset + j] for each of {@code rows} rows of width {@code width}. */
    static void addRows(double[] target, double[] row, int offset, int rows, int width) {
        for (int i = 0; i < rows; i++) {
            int r = i * width;
            for (int j = 0; j < width; j++) {
                target[r + j] += row[offset + j];
            }
        }
    }

    /** target[offset + j] = Σ_i m[i, j] (overwritten). */
    static void columnSums(double[] m, int rows, int cols, double[] target, int offset) {
        java.util.Arrays.fill(target, offset, offset + cols, 0.0);
        for (int i = 0; i < rows; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                target[offset + j] += m[r + j];
            }
        }
    }
}
