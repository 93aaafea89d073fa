package org.flowscape.analysis;

/**
 * Classical Gram–Schmidt against a basis stored as one array per vector, blocked four vectors at a time:
 * c = Qw by dot products that read w once for four basis vectors (four independent sums, so the loop is bound by
 * memory bandwidth, not by the latency of one scalar accumulator), then w ← w − Qᵀc by a fused four-vector update that
 * C2 vectorises (every array indexed from 0, which JDK 17's auto-vectoriser needs). Each pass reads the basis twice,
 * like modified Gram–Schmidt, but at streaming speed: a BLAS-2 (dgemv-shaped) formulation in Java, since the basis
 * lives on the heap and a native dgemv would first copy all of it off-heap. Used with a repeated pass when the first
 * cancels much of w ("twice is enough", CGS2), which keeps the basis orthogonal to working precision. Written here
 * because no Java library offers reorthogonalization against a matrix-free Krylov basis.
 */
final class Reorthogonalization {
    private static final int BLOCK = 4;

    private Reorthogonalization() {
    }

    /** w ← w − Σ_j (q_j·w) q_j over q[0 .. rows), the coefficients all taken from the incoming w (classical). */
    static void orthogonalize(double[] w, double[][] q, int rows, double[] coefficients) {
        int j = 0;
        for (; j + BLOCK <= rows; j += BLOCK) {
            dots4(w, q[j], q[j + 1], q[j + 2], q[j + 3], coefficients, j);
        }
        for (; j < rows; j++) {
            coefficients[j] = dot(w, q[j]);
        }
        j = 0;
        for (; j + BLOCK <= rows; j += BLOCK) {
            subtract4(w, q[j], q[j + 1], q[j + 2], q[j + 3], coefficients[j], coefficients[j + 1],
                    coefficients[j + 2], coefficients[j + 3]);
        }
        for (; j < rows; j++) {
            double c = coefficients[j];
            double[] v = q[j];
            for (int i = 0; i < w.length; i++) {
                w[i] -= c * v[i];
            }
        }
    }

    private static void dots4(double[] w, double[] a, double[] b, double[] c, double[] d, double[] out, int at) {
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = 0; i < w.length; i++) {
            double x = w[i];
            sa += a[i] * x;
            sb += b[i] * x;
            sc += c[i] * x;
            sd += d[i] * x;
        }
        out[at] = sa;
        out[at + 1] = sb;
        out[at + 2] = sc;
        out[at + 3] = sd;
    }

    private static double dot(double[] w, double[] v) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < w.length; i += 2) {
            s0 += w[i] * v[i];
            s1 += w[i + 1] * v[i + 1];
        }
        for (; i < w.length; i++) {
            s0 += w[i] * v[i];
        }
        return s0 + s1;
    }

    private static void subtract4(double[] w, double[] a, double[] b, double[] c, double[] d, double ca, double cb,
            double cc, double cd) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= ca * a[i] + cb * b[i] + cc * c[i] + cd * d[i];
        }
    }
}
