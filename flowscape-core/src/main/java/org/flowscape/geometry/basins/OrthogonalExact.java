package org.flowscape.geometry.basins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscape.linalg.Matrix;

/**
 * The exact law of the basin value Bas of a random start, hence P[Bas ≤ α] at every α, for data whose non-zero rows
 * lie on pairwise orthogonal lines (singleton data, X = I, any rotation of them, several points per line allowed).
 * Written here because no library has it ({@code docs/basins.md}, "Exact probabilities").
 *
 * <p>Points on line L on side σ (sign of ⟨x_t, e_L⟩) form a group g with S_xy = Σ|x_t|y_t, S_xx = Σ|x_t|²,
 * S_yy = Σ y_t². A neuron is active on the whole group iff sign⟨w, e_L⟩ = σ, and its components along different lines
 * are independent variables of the basin program, so the program splits per group: the group's value is
 * s·(S_yy − S_xy²/S_xx) when an active neuron has output sign = sign S_xy ("covered"), else s·S_yy; zero rows add
 * s·y_t². Under any isotropic start (both {@link Initialization} distributions) the sides ⟨w_i, e_L⟩ are fair coins,
 * independent over neurons and lines and of the output signs, which are fair coins too (or all +1 with
 * {@code fixedOutput}). Given the number p of positive neurons the lines are independent; each line's value has at
 * most four atoms, convolved line by line (equal values merged), then mixed over p ~ Binomial(n, ½).
 *
 * <p>Cost: O(n · lines · atoms), atoms ≤ 4^lines (fewer when groups repeat); {@link #probability} gives NaN when
 * that would pass {@link #MAX_WORK}.
 *
 * @param constant  s·Σ y_t² over zero rows
 * @param uncovered per group: s·S_yy
 * @param covered   per group: s·(S_yy − S_xy²/S_xx), or s·S_yy when S_xy = 0 (no neuron helps)
 * @param needs     per group: +1 or −1, the output sign that helps (0: none helps)
 * @param lines     per line: its two groups (side +, side −), −1 where the side has no point
 */
public record OrthogonalExact(double constant, double[] uncovered, double[] covered, int[] needs, int[][] lines) {
    /** The most (width + 1) · lines · atoms operations {@link #probability} spends before answering NaN. */
    public static final double MAX_WORK = 2e8;
    /** |cos| of two rows' angle below which they count as orthogonal, and above 1 minus which as parallel. */
    static final double ANGLE_TOL = 1e-12;

    /** True when the non-zero rows of {@code x} lie on pairwise orthogonal lines. */
    public static boolean applies(Matrix x) {
        return directions(x) != null;
    }

    /**
     * The law for data (x, y), one target column, loss factor {@code scale}.
     *
     * @throws IllegalArgumentException when two non-zero rows are neither parallel nor orthogonal
     */
    public static OrthogonalExact of(Matrix x, Matrix y, double scale) {
        List<double[]> dirs = directions(x);
        if (dirs == null) {
            throw new IllegalArgumentException("the data's rows are not on pairwise orthogonal lines");
        }
        int groups = 2 * dirs.size();
        double[] sxy = new double[groups];
        double[] sxx = new double[groups];
        double[] syy = new double[groups];
        double constant = 0;
        for (int t = 0; t < x.rows(); t++) {
            double yt = y.get(t, 0);
            double norm = norm(x, t);
            if (norm == 0) {
                constant += scale * yt * yt;
                continue;
            }
            for (int l = 0; l < dirs.size(); l++) {
                double c = dot(x, t, dirs.get(l)) / norm;
                if (Math.abs(c) > 1 - ANGLE_TOL) {
                    int g = 2 * l + (c > 0 ? 0 : 1);
                    sxy[g] += norm * yt;
                    sxx[g] += norm * norm;
                    syy[g] += yt * yt;
                    break;
                }
            }
        }
        return build(constant, sxy, sxx, syy, scale);
    }

    private static OrthogonalExact build(double constant, double[] sxy, double[] sxx, double[] syy, double scale) {
        int groups = sxy.length;
        double[] uncovered = new double[groups];
        double[] covered = new double[groups];
        int[] needs = new int[groups];
        int[][] lines = new int[groups / 2][2];
        for (int g = 0; g < groups; g++) {
            uncovered[g] = scale * syy[g];
            covered[g] = uncovered[g];
            if (sxy[g] != 0) {
                covered[g] = Math.max(0, scale * (syy[g] - sxy[g] * sxy[g] / sxx[g]));
                needs[g] = sxy[g] > 0 ? 1 : -1;
            }
            lines[g / 2][g % 2] = sxx[g] > 0 ? g : -1;
        }
        return new OrthogonalExact(constant, uncovered, covered, needs, lines);
    }

    /** α*: the value with every group covered, the lowest basin value of any width. */
    public double best() {
        double v = constant;
        for (double c : covered) {
            v += c;
        }
        return v;
    }

    /**
     * P[Bas ≤ α] at width {@code width} ≥ 1 (no slack: add one to α for values computed in floating point).
     *
     * @param fixedOutput every output weight +1 (the single-neuron model) instead of fair signs
     * @return the probability, or NaN when the law has too many atoms (see {@link #MAX_WORK})
     */
    public double probability(int width, double alpha, boolean fixedOutput) {
        double total = 0;
        for (int p = fixedOutput ? width : 0; p <= width; p++) {
            Map<Double, Double> law = law(p, width - p, (double) width + 1);
            if (law == null) {
                return Double.NaN;
            }
            double below = 0;
            for (Map.Entry<Double, Double> e : law.entrySet()) {
                below += e.getKey() <= alpha ? e.getValue() : 0;
            }
            total += (fixedOutput ? 1 : SingletonExact.binomial(width, p) * Math.pow(0.5, width)) * below;
        }
        return total;
    }

    /** The law of Bas given {@code plus} neurons with v &gt; 0 and {@code minus} with v &lt; 0; null when too big. */
    private Map<Double, Double> law(int plus, int minus, double repeats) {
        Map<Double, Double> law = new HashMap<>();
        law.put(constant, 1.0);
        for (int[] line : lines) {
            double[][] atoms = line(line, plus, minus);
            if (repeats * lines.length * law.size() * atoms.length > MAX_WORK) {
                return null;
            }
            Map<Double, Double> next = new HashMap<>();
            for (Map.Entry<Double, Double> e : law.entrySet()) {
                for (double[] a : atoms) {
                    if (a[1] > 0) {
                        next.merge(e.getKey() + a[0], e.getValue() * a[1], Double::sum);
                    }
                }
            }
            law = next;
        }
        return law;
    }

    /**
     * The atoms {value, probability} of one line's two groups: the sides covered by the positive neurons and by the
     * negative ones are independent, each ∅ (no neuron), {+}, {−} (all on one side: 2^{−q} each) or both.
     */
    private double[][] line(int[] line, int plus, int minus) {
        double[][] out = new double[16][];
        int i = 0;
        for (int cp = 0; cp < 4; cp++) {
            for (int cm = 0; cm < 4; cm++) {
                double value = 0;
                for (int side = 0; side < 2; side++) {
                    int g = line[side];
                    if (g < 0) {
                        continue;
                    }
                    int cover = needs[g] > 0 ? cp : needs[g] < 0 ? cm : 0;
                    value += (cover & (1 << side)) != 0 ? covered[g] : uncovered[g];
                }
                out[i++] = new double[] {value, sides(cp, plus) * sides(cm, minus)};
            }
        }
        return out;
    }

    /** P(q fair side-coins cover exactly the side set {@code set}: bit 0 side +, bit 1 side −). */
    static double sides(int set, int q) {
        if (q == 0) {
            return set == 0 ? 1 : 0;
        }
        double one = Math.pow(0.5, q);
        return switch (set) {
            case 0 -> 0;
            case 1, 2 -> one;
            default -> 1 - 2 * one;
        };
    }

    /** Unit directions of the lines of x's non-zero rows, or null when two rows are neither parallel nor orthogonal. */
    private static List<double[]> directions(Matrix x) {
        List<double[]> dirs = new ArrayList<>();
        for (int t = 0; t < x.rows(); t++) {
            double norm = norm(x, t);
            if (norm == 0) {
                continue;
            }
            boolean placed = false;
            for (double[] u : dirs) {
                double c = Math.abs(dot(x, t, u)) / norm;
                if (c > 1 - ANGLE_TOL) {
                    placed = true;
                    break;
                }
                if (c > ANGLE_TOL) {
                    return null;
                }
            }
            if (!placed) {
                double[] u = new double[x.cols()];
                for (int c = 0; c < u.length; c++) {
                    u[c] = x.get(t, c) / norm;
                }
                dirs.add(u);
            }
        }
        return dirs;
    }

    private static double norm(Matrix x, int t) {
        double s = 0;
        for (int c = 0; c < x.cols(); c++) {
            s += x.get(t, c) * x.get(t, c);
        }
        return Math.sqrt(s);
    }

    private static double dot(Matrix x, int t, double[] u) {
        double s = 0;
        for (int c = 0; c < u.length; c++) {
            s += x.get(t, c) * u[c];
        }
        return s;
    }
}
