package org.flowscape.spec;

import java.nio.file.Path;

/**
 * What a user asked for, before parsing: the spec strings of {@code docs/CLI.md} and where θ comes from. Any field
 * may be null (not given). θ comes from {@code params} (a file) or {@code seed} (a random initialization), never both.
 *
 * @param model  model spec, e.g. {@code mlp:10-100-1:tanh}
 * @param data   data spec, e.g. {@code teacher:n=1000,d=10,width=5,seed=1}
 * @param loss   loss spec, e.g. {@code mse} (null means {@link #DEFAULT_LOSS})
 * @param params a parameter file (JSON or .npy)
 * @param seed   the seed of {@code Network.initialize} (null means {@link #DEFAULT_SEED} when no params are given)
 * @param l2     the weight decay λ of {@code --l2} (the objective is L + λ/2‖θ‖²; null means 0)
 */
public record ProblemSpec(String model, String data, String loss, Path params, Long seed, Double l2) {
    /** The loss used when none is given. */
    public static final String DEFAULT_LOSS = "mse";
    /** The initialization seed used when neither params nor a seed is given. */
    public static final long DEFAULT_SEED = 0;

    /** The prefix of a closed-form model, {@code fn:EXPR}. */
    public static final String CLOSED_FORM = "fn:";

    public ProblemSpec {
        if (params != null && seed != null) {
            throw new IllegalArgumentException("both params (" + params + ") and seed (" + seed
                    + ") were given; give one: params to read θ from a file, seed to initialize it randomly");
        }
        if (l2 != null && !(l2 >= 0 && Double.isFinite(l2))) {
            throw new IllegalArgumentException("--l2 (weight decay lambda) must be a finite number >= 0, got " + l2
                    + "; pass e.g. --l2 0.01");
        }
    }

    /** A spec without weight decay. */
    public ProblemSpec(String model, String data, String loss, Path params, Long seed) {
        this(model, data, loss, params, seed, null);
    }

    /** An empty spec (nothing given). */
    public static ProblemSpec empty() {
        return new ProblemSpec(null, null, null, null, null, null);
    }

    /** This spec with weight decay λ (null: none). */
    public ProblemSpec withL2(Double lambda) {
        return new ProblemSpec(model, data, loss, params, seed, lambda);
    }

    /** λ, or 0. */
    public double l2OrZero() {
        return l2 != null ? l2 : 0;
    }

    /** True for a closed-form model {@code fn:EXPR}, which takes no data and no loss. */
    public boolean closedForm() {
        return model != null && model.startsWith(CLOSED_FORM);
    }

    /**
     * This spec with every non-null field of {@code flags} taking precedence. Giving either params or seed in
     * {@code flags} replaces both θ fields of this spec.
     */
    public ProblemSpec overriddenBy(ProblemSpec flags) {
        boolean flagTheta = flags.params != null || flags.seed != null;
        return new ProblemSpec(
                flags.model != null ? flags.model : model,
                flags.data != null ? flags.data : data,
                flags.loss != null ? flags.loss : loss,
                flagTheta ? flags.params : params,
                flagTheta ? flags.seed : seed,
                flags.l2 != null ? flags.l2 : l2);
    }

    /** The loss spec, or {@link #DEFAULT_LOSS}. */
    public String lossOrDefault() {
        return loss != null ? loss : DEFAULT_LOSS;
    }

    /** The seed, or {@link #DEFAULT_SEED}. */
    public long seedOrDefault() {
        return seed != null ? seed : DEFAULT_SEED;
    }

    /**
     * Checks that the model and data are present.
     *
     * @throws IllegalArgumentException naming the missing key and how to give it
     */
    public ProblemSpec requireComplete() {
        if (model == null) {
            throw new IllegalArgumentException("no model given; pass --model SPEC (e.g. --model mlp:10-100-1:tanh) "
                    + "or put 'model:' in the --problem file");
        }
        if (closedForm()) {
            if (data != null) {
                throw new IllegalArgumentException("a closed-form model " + model + " takes no data, but data '"
                        + data + "' was given; remove --data (or 'data:' from the problem file)");
            }
            if (loss != null) {
                throw new IllegalArgumentException("a closed-form model " + model + " is its own loss, but loss '"
                        + loss + "' was given; remove --loss (or 'loss:' from the problem file)");
            }
            return this;
        }
        if (data == null) {
            throw new IllegalArgumentException("no data given; pass --data SPEC (e.g. --data "
                    + "gaussian:n=100,d=10,seed=1) or put 'data:' in the --problem file");
        }
        return this;
    }
}
