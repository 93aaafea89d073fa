package org.flowscape.spec;

import java.io.IOException;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.objective.ExpressionObjective;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objective;
import org.flowscape.objective.WeightDecay;
import org.flowscape.rng.Seeds;

/**
 * A resolved problem: a network with its dataset and loss, or a closed-form model {@code fn:EXPR}; the weight decay λ;
 * the objective over them and a starting θ.
 *
 * @param spec        what the user wrote (with defaults not yet filled in)
 * @param network     the parsed network, or null for a closed-form model
 * @param data        the parsed dataset, or null for a closed-form model
 * @param loss        the parsed loss, or null for a closed-form model
 * @param closedForm  the closed-form model, or null for a network
 * @param l2          the weight decay λ ≥ 0 (the objective is L + λ/2‖θ‖²)
 * @param theta       θ, length P (copied)
 * @param thetaSource where θ came from, e.g. {@code seed 0} or {@code file theta.json}
 */
public record Problem(ProblemSpec spec, Network network, Dataset data, Loss loss, ExpressionObjective closedForm,
        double l2, double[] theta, String thetaSource) {
    public Problem {
        theta = theta.clone();
        if ((network == null) == (closedForm == null)) {
            throw new IllegalArgumentException("a problem has either a network or a closed-form model");
        }
    }

    /** A network problem without weight decay. */
    public Problem(ProblemSpec spec, Network network, Dataset data, Loss loss, double[] theta, String thetaSource) {
        this(spec, network, data, loss, null, 0, theta, thetaSource);
    }

    /**
     * Parses every spec, checks that data, model and loss fit together, and reads or draws θ. A closed-form model
     * {@code fn:EXPR} takes no data and no loss; its θ is drawn standard normal from the seed.
     *
     * @throws IllegalArgumentException for any malformed spec, mismatched shapes or bad parameter file
     * @throws IOException              when a file cannot be read
     */
    public static Problem load(ProblemSpec spec) throws IOException {
        spec.requireComplete();
        double l2 = spec.l2OrZero();
        if (spec.closedForm()) {
            ExpressionObjective f = ExpressionObjective.parse(spec.model());
            if (spec.params() != null) {
                return new Problem(spec, null, null, null, f, l2, ParamsFile.read(spec.params(), f.dim()),
                        "file " + spec.params());
            }
            long seed = spec.seedOrDefault();
            return new Problem(spec, null, null, null, f, l2, initialize(f.dim(), seed), "seed " + seed);
        }
        Network network = Models.parse(spec.model());
        Dataset data = Datasets.parse(spec.data());
        Loss loss = Losses.parse(spec.lossOrDefault());
        new EmpiricalRisk(network, loss, data);
        if (spec.params() != null) {
            return new Problem(spec, network, data, loss, null, l2,
                    ParamsFile.read(spec.params(), network.parameterCount()), "file " + spec.params());
        }
        long seed = spec.seedOrDefault();
        return new Problem(spec, network, data, loss, null, l2, network.initialize(seed), "seed " + seed);
    }

    /** A fresh objective L(θ) + λ/2‖θ‖² (not thread-safe: one per thread); a {@link ModelObjective} for networks. */
    public Objective objective() {
        return closedForm != null ? WeightDecay.of(closedForm, l2) : modelObjective();
    }

    /**
     * A fresh network objective L(θ) + λ/2‖θ‖², for what needs the model's outputs (NTK, Jacobian, predictions).
     *
     * @throws IllegalArgumentException for a closed-form model, which has no outputs
     */
    public ModelObjective modelObjective() {
        if (network == null) {
            throw new IllegalArgumentException("this needs a network model with data (its outputs, Jacobian or "
                    + "symmetries), but " + spec.model() + " is a closed-form model; use --model mlp:... --data ...");
        }
        return WeightDecay.ofModel(new EmpiricalRisk(network, loss, data), l2);
    }

    /** True for a closed-form model {@code fn:EXPR}. */
    public boolean isClosedForm() {
        return closedForm != null;
    }

    /** The model spec, e.g. {@code mlp:10-100-1:tanh} or {@code fn:p1^2+p2^2}. */
    public String modelSpec() {
        return network != null ? network.spec() : closedForm.spec();
    }

    /** The data spec, or {@code none} for a closed-form model. */
    public String dataSpec() {
        return data != null ? data.spec() : "none";
    }

    /** The loss spec, or {@code fn} for a closed-form model (the expression is the loss). */
    public String lossSpec() {
        return loss != null ? loss.spec() : "fn";
    }

    /** The loss formula, with the weight decay term when λ &gt; 0, e.g. {@code 1/(2n) sum |f - y|^2 + 0.01/2 |theta|^2}. */
    public String lossFormula() {
        String base = loss != null ? loss.formula() : "L(p) = " + closedForm.expression().spec();
        return l2 > 0 ? base + " + " + l2 + "/2 |theta|^2" : base;
    }

    /** n, the number of samples (0 for a closed-form model). */
    public int dataSize() {
        return data != null ? data.size() : 0;
    }

    /** A random θ for this model from {@code seed}: the network's initialization, or standard normal for fn:. */
    public double[] initialize(long seed) {
        return network != null ? network.initialize(seed) : initialize(closedForm.dim(), seed);
    }

    private static double[] initialize(int n, long seed) {
        return Seeds.gaussian(Seeds.stream(seed, "fn-init"), 1.0, new double[n]);
    }

    /** The number of parameters P. */
    public int dim() {
        return network != null ? network.parameterCount() : closedForm.dim();
    }
}
