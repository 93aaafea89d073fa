package org.flowscape.analysis.precise;

import java.math.BigDecimal;
import org.flowscape.loss.SquaredError;
import org.flowscape.model.DenseLayer;
import org.flowscape.model.Network;
import org.flowscape.objective.ModelObjective;

/**
 * Interval enclosures of L, ∇L and the Hessian over a box of parameters for a shallow network f(x) = Σᵢ aᵢ ψ(wᵢ·x +
 * bᵢ) + c ({@code mlp:d-H-1:tanh} or {@code :sigmoid}, with biases) under a squared error L = (κ/2) Σₜ (f(xₜ) − yₜ)²,
 * in {@link BigInterval} arithmetic at a given {@link Precision}. Parameters in the flat order θ = (W row by row, b,
 * a, c), as {@link org.flowscape.analysis.ShallowNetwork}. Per sample, with r = f − y and J = ∂f/∂θ:
 * ∇L = κ Σ r J and H = κ Σ (J Jᵀ + r ∂²f/∂θ²), where ∂²f is nonzero only within a neuron's (wᵢ, bᵢ, aᵢ) block.
 * Inputs and targets are the data's doubles, taken exactly. Cost per box: n · (P(P+1)/2 + 2H) interval
 * multiply-adds and 2nH transcendental enclosures.
 */
public final class ShallowIntervalRisk {
    private final boolean logistic;
    private final int d;
    private final int h;
    private final BigDecimal[] x;
    private final BigDecimal[] y;
    private final BigInterval kappa;
    private final Precision precision;

    private ShallowIntervalRisk(boolean logistic, int d, int h, BigDecimal[] x, BigDecimal[] y, BigInterval kappa,
            Precision precision) {
        this.logistic = logistic;
        this.d = d;
        this.h = h;
        this.x = x;
        this.y = y;
        this.kappa = kappa;
        this.precision = precision;
    }

    /** Why {@code objective} is outside this class's reach, or null when it is within. */
    public static String refusal(ModelObjective objective) {
        if (!(objective.loss() instanceof SquaredError)) {
            return "loss '" + objective.loss().spec() + "' is not a squared error (use mse, mse-mean or frobenius)";
        }
        Network net = objective.network();
        if (net.depth() != 2 || net.outputDim() != 1 || !net.layers().get(0).bias() || !net.layers().get(1).bias()
                || !net.layers().get(1).activation().isIdentity()) {
            return "the extended-precision certificate needs a shallow network mlp:d-H-1:tanh or :sigmoid with biases,"
                    + " got " + net.spec();
        }
        String act = net.layers().get(0).activation().spec();
        if (!act.equals("tanh") && !act.equals("sigmoid")) {
            return "the extended-precision certificate supports tanh and sigmoid hidden units, got '" + act + "'";
        }
        return null;
    }

    /** The enclosure for {@code objective}; call only when {@link #refusal} is null. */
    public static ShallowIntervalRisk of(ModelObjective objective, Precision precision) {
        String why = refusal(objective);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        DenseLayer hidden = objective.network().layers().get(0);
        var inputs = objective.data().inputs();
        var targets = objective.data().targets();
        int n = inputs.rows();
        BigDecimal[] x = new BigDecimal[n * hidden.inputs()];
        BigDecimal[] y = new BigDecimal[n];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < hidden.inputs(); k++) {
                x[t * hidden.inputs() + k] = new BigDecimal(inputs.get(t, k));
            }
            y[t] = new BigDecimal(targets.get(t, 0));
        }
        BigInterval kappa = switch (((SquaredError) objective.loss()).normalization()) {
            case HALF_MEAN -> BigInterval.ONE.divide(BigInterval.point(BigDecimal.valueOf(n)), precision);
            case MEAN -> BigInterval.point(BigDecimal.valueOf(2)).divide(BigInterval.point(BigDecimal.valueOf(n)),
                    precision);
            case HALF_SUM -> BigInterval.ONE;
        };
        return new ShallowIntervalRisk(hidden.activation().spec().equals("sigmoid"), hidden.inputs(),
                hidden.outputs(), x, y, kappa, precision);
    }

    /** P = H(d + 2) + 1. */
    public int dim() {
        return h * (d + 2) + 1;
    }

    /** The working precision. */
    public Precision precision() {
        return precision;
    }

    /**
     * Enclosures of L, ∇L and (when {@code hessian}) the Hessian over the box {@code theta} (length P, read only).
     *
     * @return the jet; its Hessian is P × P row-major and symmetric, or null when not asked for
     */
    public Jet enclose(BigInterval[] theta, boolean hessian) {
        int p = dim();
        Precision pr = precision;
        BigInterval[] s = new BigInterval[h];
        BigInterval[] s1 = new BigInterval[h];
        BigInterval[] s2 = new BigInterval[h];
        BigInterval[] j = new BigInterval[p];
        BigInterval loss = BigInterval.ZERO;
        BigInterval[] g = filled(p);
        BigInterval[] hs = hessian ? filled(p * p) : null;
        for (int t = 0; t < y.length; t++) {
            BigInterval f = theta[p - 1];
            for (int i = 0; i < h; i++) {
                BigInterval u = theta[h * d + i];
                for (int k = 0; k < d; k++) {
                    u = u.add(theta[i * d + k].multiply(x[t * d + k], pr), pr);
                }
                activation(u, i, s, s1, s2);
                f = f.add(theta[h * d + h + i].multiply(s[i], pr), pr);
            }
            BigInterval r = f.subtract(BigInterval.point(y[t]), pr);
            loss = loss.add(r.square(pr), pr);
            jacobianRow(theta, t, s, s1, j);
            for (int q = 0; q < p; q++) {
                g[q] = g[q].add(r.multiply(j[q], pr), pr);
            }
            if (hessian) {
                addHessian(theta, t, r, s1, s2, j, hs);
            }
        }
        BigInterval half = BigInterval.point(BigDecimal.valueOf(5, 1));
        loss = loss.multiply(kappa, pr).multiply(half, pr);
        for (int q = 0; q < p; q++) {
            g[q] = g[q].multiply(kappa, pr);
        }
        if (hessian) {
            for (int a = 0; a < p; a++) {
                for (int b = a; b < p; b++) {
                    hs[a * p + b] = hs[a * p + b].multiply(kappa, pr);
                    hs[b * p + a] = hs[a * p + b];
                }
            }
        }
        return new Jet(loss, g, hs);
    }

    /** ψ, ψ′, ψ″ of neuron i over u. tanh: ψ′ = 1 − ψ², ψ″ = −2ψψ′; logistic: ψ′ = ψ(1 − ψ), ψ″ = ψ′(1 − 2ψ). */
    private void activation(BigInterval u, int i, BigInterval[] s, BigInterval[] s1, BigInterval[] s2) {
        Precision pr = precision;
        if (logistic) {
            s[i] = BigFunctions.logistic(u, pr);
            s1[i] = s[i].multiply(BigInterval.ONE.subtract(s[i], pr), pr);
            s2[i] = s1[i].multiply(BigInterval.ONE.subtract(s[i].multiply(BigDecimal.valueOf(2), pr), pr), pr);
        } else {
            s[i] = BigFunctions.tanh(u, pr);
            s1[i] = BigInterval.ONE.subtract(s[i].square(pr), pr);
            s2[i] = s[i].multiply(s1[i], pr).multiply(BigDecimal.valueOf(-2), pr);
        }
    }

    /** J = ∂f/∂θ at sample t: ∂f/∂W_ik = aᵢψ′ᵢx_k, ∂f/∂bᵢ = aᵢψ′ᵢ, ∂f/∂aᵢ = ψᵢ, ∂f/∂c = 1. */
    private void jacobianRow(BigInterval[] theta, int t, BigInterval[] s, BigInterval[] s1, BigInterval[] j) {
        Precision pr = precision;
        for (int i = 0; i < h; i++) {
            BigInterval as1 = theta[h * d + h + i].multiply(s1[i], pr);
            for (int k = 0; k < d; k++) {
                j[i * d + k] = as1.multiply(x[t * d + k], pr);
            }
            j[h * d + i] = as1;
            j[h * d + h + i] = s[i];
        }
        j[dim() - 1] = BigInterval.ONE;
    }

    /** Adds J Jᵀ + r ∂²f/∂θ² of sample t to the upper triangle of {@code hs}. */
    private void addHessian(BigInterval[] theta, int t, BigInterval r, BigInterval[] s1, BigInterval[] s2,
            BigInterval[] j, BigInterval[] hs) {
        Precision pr = precision;
        int p = dim();
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                hs[a * p + b] = hs[a * p + b].add(j[a].multiply(j[b], pr), pr);
            }
        }
        for (int i = 0; i < h; i++) {
            BigInterval ras2 = r.multiply(theta[h * d + h + i], pr).multiply(s2[i], pr);
            BigInterval rs1 = r.multiply(s1[i], pr);
            int bi = h * d + i;
            int ai = h * d + h + i;
            for (int k = 0; k < d; k++) {
                BigInterval rk = ras2.multiply(x[t * d + k], pr);
                for (int l = k; l < d; l++) {
                    add(hs, p, i * d + k, i * d + l, rk.multiply(x[t * d + l], pr));
                }
                add(hs, p, i * d + k, bi, rk);
                add(hs, p, i * d + k, ai, rs1.multiply(x[t * d + k], pr));
            }
            add(hs, p, bi, bi, ras2);
            add(hs, p, bi, ai, rs1);
        }
    }

    private void add(BigInterval[] hs, int p, int a, int b, BigInterval v) {
        int i = Math.min(a, b) * p + Math.max(a, b);
        hs[i] = hs[i].add(v, precision);
    }

    private static BigInterval[] filled(int n) {
        BigInterval[] out = new BigInterval[n];
        java.util.Arrays.fill(out, BigInterval.ZERO);
        return out;
    }

    /**
     * Enclosures over a box.
     *
     * @param value    L
     * @param gradient ∇L, length P
     * @param hessian  the Hessian, P × P row-major, or null when not asked for
     */
    public record Jet(BigInterval value, BigInterval[] gradient, BigInterval[] hessian) {
    }
}
