package org.flowscape.analysis;

import java.util.ArrayList;
import java.util.List;
import org.flowscape.linalg.Matrix;
import org.flowscape.linalg.SingularValues;
import org.flowscape.linalg.Tolerance;
import org.flowscape.model.ActivationTraits;
import org.flowscape.objective.ModelObjective;

/**
 * Efficient versus redundant parameters of shallow networks f(x) = Σ aᵢ ψ(wᵢ·x + bᵢ) + c (theory.md B.2, B.4):
 * rule-based detection from the activation's declared identities ({@link ActivationTraits}), cross-checked by the
 * rank of the realisation Jacobian; the exact distance to each redundant set; the function-preserving flat directions
 * each redundancy creates; pruning (remove, absorb, merge) and embedding (split, add a zero neuron), all of which keep
 * the realised function.
 */
public final class Redundancy {
    /** Default rule tolerance: 1e-6 relative to max|a| or max‖(w, b)‖. */
    public static final Tolerance DEFAULT_RULES = new Tolerance(0, 1e-6);
    /** Default Jacobian rank tolerance: singular values above 1e-9 σ_max count (theory.md B.4's worked check). */
    public static final Tolerance DEFAULT_RANK = new Tolerance(0, 1e-9);

    private Redundancy() {
    }

    /** Analyzes θ (read only) of a {@code mlp:d-H-1:ACT} objective. */
    public static RedundancyReport analyze(ModelObjective objective, double[] theta, Tolerance rules, Tolerance rank) {
        ShallowNetwork s = ShallowNetwork.of(objective.network(), theta);
        List<RedundancyFinding> findings = new ArrayList<>();
        double distance = detect(s, rules, findings);
        int p = objective.dim();
        int n = objective.outputCount();
        double[] j = objective.jacobian(theta, new double[n * p]);
        double[] sv = SingularValues.of(new Matrix(n, p, j)).values();
        double threshold = rank.threshold(sv.length == 0 ? 0 : sv[0]);
        int r = 0;
        for (double v : sv) {
            if (v > threshold) {
                r++;
            }
        }
        int baseline = isExp(s) ? s.hidden() : 0;
        boolean valid = n >= p;
        boolean redundant = findings.stream().anyMatch(RedundancyFinding::reducible);
        boolean consistent = valid && findings.isEmpty() == (p - r == baseline);
        return new RedundancyReport(redundant, !findings.isEmpty(), findings, distance, r, p, baseline, p - r, valid,
                consistent, rules, rank);
    }

    private static boolean isExp(ShallowNetwork s) {
        return s.activation().spec().equals("exp");
    }

    /** Runs every rule, adds what fires to {@code out}, returns the distance to the nearest reducible set. */
    private static double detect(ShallowNetwork s, Tolerance tol, List<RedundancyFinding> out) {
        int h = s.hidden();
        int d = s.inputs();
        ActivationTraits t = s.activation().traits();
        double maxA = 0;
        double maxU = 0;
        for (int i = 0; i < h; i++) {
            maxA = Math.max(maxA, Math.abs(s.a()[i]));
            maxU = Math.max(maxU, org.flowscape.linalg.Vectors.norm2(u(s, i)));
        }
        double tA = tol.threshold(maxA);
        double tU = tol.threshold(maxU);
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < h; i++) {
            double dead = Math.abs(s.a()[i]);
            double constant = org.flowscape.linalg.Vectors.norm2(s.weights(i));
            nearest = Math.min(nearest, Math.min(dead, constant));
            if (dead <= tA) {
                out.add(new RedundancyFinding(RedundancyKind.DEAD_OUTPUT, i, -1, dead, true, d + 1));
            }
            if (constant <= tU) {
                out.add(new RedundancyFinding(RedundancyKind.CONSTANT_NEURON, i, -1, constant, true, 2));
            }
        }
        boolean signRule = t.oddUpToShift() || t.even();
        boolean affineRule = !signRule && !Double.isNaN(t.linearOddPart()) && t.linearOddPart() != 0;
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                double dup = distance(u(s, i), u(s, j), -1);
                double pair = distance(u(s, i), u(s, j), 1);
                nearest = Math.min(nearest, dup);
                if (dup <= tU) {
                    out.add(new RedundancyFinding(RedundancyKind.DUPLICATE, i, j, dup, true, d + 2));
                }
                if (signRule) {
                    nearest = Math.min(nearest, pair);
                }
                if (pair <= tU && (signRule || affineRule)) {
                    out.add(new RedundancyFinding(signRule ? RedundancyKind.SIGN_PAIR : RedundancyKind.AFFINE_PAIR, i,
                            j, pair, signRule, signRule ? d + 2 : 2));
                }
                if (isExp(s)) {
                    double same = distance(s.weights(i), s.weights(j), -1);
                    nearest = Math.min(nearest, same);
                    if (same <= tU && dup > tU) {
                        out.add(new RedundancyFinding(RedundancyKind.EXP_SAME_DIRECTION, i, j, same, true, d + 1));
                    }
                }
            }
        }
        return nearest;
    }

    /** (wᵢ, bᵢ). */
    private static double[] u(ShallowNetwork s, int i) {
        double[] u = new double[s.inputs() + 1];
        System.arraycopy(s.weights(i), 0, u, 0, s.inputs());
        u[s.inputs()] = s.b()[i];
        return u;
    }

    /** ‖x + sign·y‖/√2: the distance from (x, y) to {x = −sign·y}. */
    private static double distance(double[] x, double[] y, double sign) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] + sign * y[i];
            s += v * v;
        }
        return Math.sqrt(s / 2);
    }

    /**
     * The function-preserving directions (P-vectors) a finding creates at θ (B.4's table): DEAD_OUTPUT: the d + 1 unit
     * vectors of (wᵢ, bᵢ); CONSTANT_NEURON: (δaᵢ, δc) = (1, −ψ(bᵢ)) and (δbᵢ, δc) = (1, −aᵢψ'(bᵢ)); DUPLICATE:
     * (δaᵢ, δaⱼ) = (1, −1); SIGN_PAIR with ψ(−z) = 2c₀ − ψ(z): (δaᵢ, δaⱼ, δc) = (1, 1, −2c₀), for even ψ (1, −1);
     * EXP_SAME_DIRECTION: (δaᵢ, δaⱼ) = (e^{bⱼ}, −e^{bᵢ}); AFFINE_PAIR: none (the pair is not reducible). At a critical
     * point along whose curve every point is critical, or at a minimum, each is a Hessian null vector.
     */
    public static List<double[]> flatDirections(ShallowNetwork s, RedundancyFinding f) {
        int p = s.theta().length;
        int i = f.first();
        int j = f.second();
        List<double[]> out = new ArrayList<>();
        switch (f.kind()) {
            case DEAD_OUTPUT -> {
                for (int k = 0; k <= s.inputs(); k++) {
                    double[] v = new double[p];
                    v[k < s.inputs() ? s.indexOfWeight(i, k) : s.indexOfBias(i)] = 1;
                    out.add(v);
                }
            }
            case CONSTANT_NEURON -> {
                double[] v = new double[p];
                v[s.indexOfOutput(i)] = 1;
                v[s.indexOfConstant()] = -s.activation().value(s.b()[i]);
                out.add(v);
                double[] q = new double[p];
                q[s.indexOfBias(i)] = 1;
                q[s.indexOfConstant()] = -s.a()[i] * s.activation().derivative(s.b()[i]);
                out.add(q);
            }
            case DUPLICATE -> out.add(pairDirection(s, p, i, j, 1, -1, 0));
            case SIGN_PAIR -> {
                ActivationTraits t = s.activation().traits();
                out.add(t.oddUpToShift() ? pairDirection(s, p, i, j, 1, 1, -2 * t.oddAbout())
                        : pairDirection(s, p, i, j, 1, -1, 0));
            }
            case EXP_SAME_DIRECTION -> out.add(pairDirection(s, p, i, j, Math.exp(s.b()[j]), -Math.exp(s.b()[i]), 0));
            default -> {
                // AFFINE_PAIR: no function-preserving direction within this parameterization
            }
        }
        return out;
    }

    private static double[] pairDirection(ShallowNetwork s, int p, int i, int j, double ai, double aj, double c) {
        double[] v = new double[p];
        v[s.indexOfOutput(i)] = ai;
        v[s.indexOfOutput(j)] = aj;
        v[s.indexOfConstant()] = c;
        return v;
    }

    /**
     * Removes the redundancy {@code f} names, keeping the realised function: DEAD_OUTPUT removes neuron i;
     * CONSTANT_NEURON adds aᵢψ(bᵢ) to c and removes i; DUPLICATE adds aⱼ to aᵢ; SIGN_PAIR (ψ(−z) = 2c₀ − ψ(z))
     * subtracts aⱼ from aᵢ and adds 2c₀aⱼ to c (even ψ: adds aⱼ); EXP_SAME_DIRECTION adds aⱼe^{bⱼ−bᵢ} to aᵢ; each then
     * removes j. Exact when the rule's condition holds exactly; otherwise the function changes by O(distance).
     *
     * @throws IllegalArgumentException for AFFINE_PAIR, which no network of the same type realises with fewer neurons
     */
    public static ShallowNetwork prune(ShallowNetwork s, RedundancyFinding f) {
        double[] a = s.a().clone();
        double c = s.c();
        int i = f.first();
        int j = f.second();
        ActivationTraits t = s.activation().traits();
        switch (f.kind()) {
            case DEAD_OUTPUT -> {
                return remove(s, i, a, c);
            }
            case CONSTANT_NEURON -> {
                return remove(s, i, a, c + a[i] * s.activation().value(s.b()[i]));
            }
            case DUPLICATE -> a[i] += a[j];
            case SIGN_PAIR -> {
                if (t.oddUpToShift()) {
                    a[i] -= a[j];
                    c += 2 * t.oddAbout() * a[j];
                } else {
                    a[i] += a[j];
                }
            }
            case EXP_SAME_DIRECTION -> a[i] += a[j] * Math.exp(s.b()[j] - s.b()[i]);
            default -> throw new IllegalArgumentException("an affine pair (" + s.activation().spec()
                    + ": psi(z) - psi(-z) is linear) is not reducible to fewer neurons of the same type");
        }
        return remove(s, j, a, c);
    }

    private static ShallowNetwork remove(ShallowNetwork s, int drop, double[] a, double c) {
        int h = s.hidden();
        int d = s.inputs();
        double[] w = new double[(h - 1) * d];
        double[] b = new double[h - 1];
        double[] na = new double[h - 1];
        for (int i = 0, k = 0; i < h; i++) {
            if (i == drop) {
                continue;
            }
            System.arraycopy(s.w(), i * d, w, k * d, d);
            b[k] = s.b()[i];
            na[k] = a[i];
            k++;
        }
        return new ShallowNetwork(s.activation(), d, w, b, na, c);
    }

    /**
     * Splits neuron i with ratio λ (Fukumizu–Amari embedding): aᵢ becomes λaᵢ and a new last neuron (wᵢ, bᵢ) gets
     * (1 − λ)aᵢ. The function is unchanged; a critical point maps to a critical point for every λ (theory.md B.6).
     */
    public static ShallowNetwork split(ShallowNetwork s, int i, double lambda) {
        double[] a = s.a().clone();
        double ai = a[i];
        a[i] = lambda * ai;
        return append(s, a, s.weights(i), s.b()[i], (1 - lambda) * ai);
    }

    /** Adds a last neuron (w, b) with output weight 0; the function is unchanged. */
    public static ShallowNetwork addZeroNeuron(ShallowNetwork s, double[] w, double b) {
        if (w.length != s.inputs()) {
            throw new IllegalArgumentException("new neuron has " + w.length + " weights, expected " + s.inputs());
        }
        return append(s, s.a(), w, b, 0);
    }

    private static ShallowNetwork append(ShallowNetwork s, double[] a, double[] w, double b, double aNew) {
        int h = s.hidden();
        int d = s.inputs();
        double[] nw = java.util.Arrays.copyOf(s.w(), (h + 1) * d);
        System.arraycopy(w, 0, nw, h * d, d);
        double[] nb = java.util.Arrays.copyOf(s.b(), h + 1);
        nb[h] = b;
        double[] na = java.util.Arrays.copyOf(a, h + 1);
        na[h] = aNew;
        return new ShallowNetwork(s.activation(), d, nw, nb, na, s.c());
    }
}
