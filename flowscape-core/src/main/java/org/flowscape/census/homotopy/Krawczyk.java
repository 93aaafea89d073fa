package org.flowscape.census.homotopy;

import java.util.List;

/**
 * The complex interval Krawczyk test for a square polynomial system F at an approximate root x̃:
 * <pre>
 *   K(X) = x̃ − Y·F(x̃) + (I − Y·F'(X))·(X − x̃),   Y ≈ F'(x̃)⁻¹,
 * </pre>
 * evaluated in outward-rounded complex interval arithmetic. If K(X) lies in the interior of the box X, then X holds
 * exactly one root of F and the Jacobian is nonsingular on X (Krawczyk 1969; Moore, Kearfott &amp; Cloud, Introduction
 * to Interval Analysis, 2009, §8.2). Boxes of growing radius are tried. For a real system a box symmetric about the
 * real axis is used at a root with small imaginary parts: since the conjugate of the root is a root in the same box,
 * uniqueness proves it real. Cost per try: one interval evaluation of F and of F' and an n³ interval product.
 */
public final class Krawczyk {
    /** The first radius tried, relative to 1 + |x̃|∞. */
    public static final double FIRST_RADIUS = 1e-12;
    /** The largest radius tried, relative to 1 + |x̃|∞. */
    public static final double LAST_RADIUS = 1e-4;
    /** Radius factor between tries. */
    public static final double GROWTH = 10;

    private final PolynomialSystem system;
    private final boolean realSystem;
    private final int n;

    /** @param system n equations in n unknowns */
    public Krawczyk(PolynomialSystem system) {
        this.system = system;
        this.n = system.variables();
        if (system.size() != n) {
            throw new IllegalArgumentException("the Krawczyk test needs a square system, got " + system.size()
                    + " equations in " + n + " unknowns");
        }
        this.realSystem = system.equations().stream().allMatch(Polynomial::isReal);
    }

    /**
     * The verdict at x̃ (interleaved re/im, length 2n, read only).
     *
     * @param tryReal try a box symmetric about the real axis first (for a real system)
     * @return the certified box and whether it proves a real root, or null when no radius was certified
     */
    public Result certify(double[] x, boolean tryReal) {
        double[] jac = new double[2 * n * n];
        double[] f = new double[2 * n];
        system.evaluate(x, f, jac, system.workspace());
        double[] y = ComplexLinear.inverse(jac, n);
        if (y == null) {
            return null;
        }
        double scale = 1;
        for (double v : x) {
            scale = Math.max(scale, 1 + Math.abs(v));
        }
        boolean real = tryReal && realSystem;
        for (double rho = FIRST_RADIUS * scale; rho <= LAST_RADIUS * scale; rho *= GROWTH) {
            ComplexInterval[] box = box(x, rho, real);
            double[] centre = centre(x, real);
            if (contracts(centre, box, y)) {
                return new Result(box, real);
            }
        }
        if (real) {
            return certify(x, false);
        }
        return null;
    }

    private double[] centre(double[] x, boolean real) {
        double[] c = x.clone();
        if (real) {
            for (int j = 0; j < n; j++) {
                c[2 * j + 1] = 0;
            }
        }
        return c;
    }

    private ComplexInterval[] box(double[] x, double rho, boolean real) {
        ComplexInterval[] box = new ComplexInterval[n];
        for (int j = 0; j < n; j++) {
            box[j] = ComplexInterval.around(x[2 * j], real ? 0 : x[2 * j + 1], rho, rho);
        }
        return box;
    }

    private boolean contracts(double[] c, ComplexInterval[] box, double[] y) {
        ComplexInterval[] point = new ComplexInterval[n];
        ComplexInterval[] diff = new ComplexInterval[n];
        for (int j = 0; j < n; j++) {
            point[j] = ComplexInterval.point(c[2 * j], c[2 * j + 1]);
            diff[j] = box[j].minus(point[j]);
        }
        ComplexInterval[] fx = new ComplexInterval[n];
        ComplexInterval[][] jx = new ComplexInterval[n][n];
        for (int i = 0; i < n; i++) {
            fx[i] = evaluate(system.compiledValue(i), point);
            for (int j = 0; j < n; j++) {
                jx[i][j] = evaluate(system.compiledJacobian(i, j), box);
            }
        }
        for (int i = 0; i < n; i++) {
            ComplexInterval k = point[i];
            ComplexInterval yf = ComplexInterval.ZERO;
            for (int l = 0; l < n; l++) {
                yf = yf.plus(entry(y, i, l).times(fx[l]));
            }
            k = k.minus(yf);
            for (int j = 0; j < n; j++) {
                ComplexInterval m = ComplexInterval.point(i == j ? 1 : 0, 0);
                for (int l = 0; l < n; l++) {
                    m = m.minus(entry(y, i, l).times(jx[l][j]));
                }
                k = k.plus(m.times(diff[j]));
            }
            if (!k.strictlyInside(box[i])) {
                return false;
            }
        }
        return true;
    }

    private ComplexInterval entry(double[] y, int i, int l) {
        return ComplexInterval.point(y[2 * (i * n + l)], y[2 * (i * n + l) + 1]);
    }

    /** An enclosure of p over the box (its terms summed in interval arithmetic). */
    static ComplexInterval evaluate(CompiledPolynomial p, ComplexInterval[] box) {
        ComplexInterval sum = ComplexInterval.ZERO;
        for (int t = 0; t < p.terms(); t++) {
            ComplexInterval v = ComplexInterval.point(p.coefficientRe(t), p.coefficientIm(t));
            int[] vars = p.variablesOf(t);
            int[] exps = p.exponentsOf(t);
            for (int k = 0; k < vars.length; k++) {
                v = v.times(box[vars[k]].pow(exps[k]));
            }
            sum = sum.plus(v);
        }
        return sum;
    }

    /**
     * A certified root.
     *
     * @param box  the box holding exactly one root, one complex interval per unknown
     * @param real true when the root is proved real (box symmetric about the real axis)
     */
    public record Result(ComplexInterval[] box, boolean real) {
        public Result {
            box = box.clone();
        }

        /** True when the root is proved non-real (some coordinate's imaginary part excludes 0). */
        public boolean nonReal() {
            return !real && List.of(box).stream().anyMatch(ComplexInterval::excludesReal);
        }

        /** True when the two boxes are disjoint, so the roots they hold are distinct. */
        public boolean disjoint(Result o) {
            for (int j = 0; j < box.length; j++) {
                if (!box[j].intersects(o.box[j])) {
                    return true;
                }
            }
            return false;
        }
    }
}
