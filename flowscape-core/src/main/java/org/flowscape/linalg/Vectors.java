package org.flowscape.linalg;

/**
 * Allocation-free kernels on dense vectors ({@code double[]}). Loops are plain so that the JIT vectorizes them;
 * they are faster than a native call below a few hundred entries.
 */
public final class Vectors {
    private Vectors() {
    }

    /** Returns x·y over the first {@code x.length} entries. Both arrays are read only. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** y ← y + a·x. {@code x} is read only; {@code y} is overwritten. */
    public static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** x ← a·x, in place. */
    public static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    /** Returns the Euclidean norm, scaled to avoid overflow for very large entries. */
    public static double norm2(double[] x) {
        double max = normInf(x);
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        double inv = 1 / max;
        for (double v : x) {
            double t = v * inv;
            s += t * t;
        }
        return max * Math.sqrt(s);
    }

    /** Returns max |x_i| (0 for an empty vector, NaN if any entry is NaN). */
    public static double normInf(double[] x) {
        double m = 0;
        for (double v : x) {
            double a = Math.abs(v);
            if (a > m || Double.isNaN(a)) {
                m = a;
            }
        }
        return m;
    }

    /** Returns a − b as a new array. */
    public static double[] subtract(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    /** Returns a + s·b as a new array. */
    public static double[] addScaled(double[] a, double s, double[] b) {
        double[] r = a.clone();
        axpy(s, b, r);
        return r;
    }

    /** Returns true when every entry is finite. */
    public static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
