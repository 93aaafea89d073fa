package org.flowscape.spec;

import java.io.IOException;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.model.layers.ModelSpecs;
import org.flowscape.objective.ModelObjective;
import org.flowscape.objective.Objectives;

/**
 * A resolved problem: model, dataset, loss, the objective over them and a starting θ.
 *
 * @param spec        what the user wrote (with defaults not yet filled in)
 * @param model       the parsed model ({@code mlp:}, {@code linear:}, {@code product:} or {@code layers:})
 * @param data        the parsed dataset
 * @param loss        the parsed loss
 * @param theta       θ, length P (copied)
 * @param thetaSource where θ came from, e.g. {@code seed 0} or {@code file theta.json}
 */
public record Problem(ProblemSpec spec, Model model, Dataset data, Loss loss, double[] theta,
        String thetaSource) {
    public Problem {
        theta = theta.clone();
    }

    /**
     * Parses every spec, checks that data, model and loss fit together, and reads or draws θ.
     *
     * @throws IllegalArgumentException for any malformed spec, mismatched shapes or bad parameter file
     * @throws IOException              when a file cannot be read
     */
    public static Problem load(ProblemSpec spec) throws IOException {
        spec.requireComplete();
        Model network = ModelSpecs.parse(spec.model());
        Dataset data = Datasets.parse(spec.data());
        Loss loss = Losses.parse(spec.lossOrDefault());
        Objectives.of(network, loss, data);
        if (spec.params() != null) {
            return new Problem(spec, network, data, loss, ParamsFile.read(spec.params(), network.parameterCount()),
                    "file " + spec.params());
        }
        long seed = spec.seedOrDefault();
        return new Problem(spec, network, data, loss, network.initialize(seed), "seed " + seed);
    }

    /** A fresh objective L(θ) over this problem (not thread-safe: one per thread). */
    public ModelObjective objective() {
        return Objectives.of(model, loss, data);
    }

    /**
     * The model as a dense {@link Network}, for the analyses built on its layer structure.
     *
     * @throws IllegalArgumentException when the model is a {@code layers:} model, naming it
     */
    public Network network() {
        if (model instanceof Network net) {
            return net;
        }
        throw new IllegalArgumentException("this analysis needs a dense network (mlp:, linear: or product:), but the "
                + "model is " + model.spec() + "; drop the option or use an mlp: spec");
    }

    /** The number of parameters P. */
    public int dim() {
        return model.parameterCount();
    }
}
