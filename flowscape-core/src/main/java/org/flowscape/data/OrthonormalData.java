package org.flowscape.data;

import java.util.SplittableRandom;
import org.flowscape.linalg.Matrix;
import org.flowscape.rng.Seeds;

/**
 * {@code orthonormal:m=M[,y=positive|gaussian],seed=S}: the full-rank case of {@code docs/theory.md} D.5: X = I_M
 * (M points, the standard basis of R^M) and targets y_t drawn from the stream (S, "targets"):
 * {@code positive} (the default) y_t = |g_t| + 0.1, {@code gaussian} y_t = g_t, with g_t ~ N(0, 1) i.i.d.
 */
public final class OrthonormalData {
    /** How the targets are drawn. */
    public enum Targets {
        /** |N(0,1)| + 0.1, all strictly positive. */
        POSITIVE,
        /** N(0,1). */
        GAUSSIAN
    }

    private OrthonormalData() {
    }

    /** X = I_m and m targets of the given kind. */
    public static Dataset generate(String spec, int m, Targets kind, long seed) {
        double[] y = new double[m];
        SplittableRandom r = Seeds.stream(seed, "targets");
        for (int t = 0; t < m; t++) {
            double g = Seeds.gaussian(r);
            y[t] = kind == Targets.POSITIVE ? Math.abs(g) + 0.1 : g;
        }
        return new Dataset(spec, Matrix.identity(m), new Matrix(m, 1, y));
    }
}
