package org.flowscape.spec;

import java.io.IOException;

import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.loss.Loss;
import org.flowscape.loss.Losses;
import org.flowscape.model.Models;
import org.flowscape.model.Network;
import org.flowscape.objective.EmpiricalRisk;

/**
 * A resolved problem: network, dataset, loss, the objective over them and a starting θ.
 *
 * @param spec        what the user wrote (with defaults not yet filled in)
 * @param network     the parsed model
 * @param data        the parsed dataset
 * @param loss        the parsed loss
 * @param theta       θ, length P (copied)
 * @param thetaSource where θ came from, e.g. {@code seed 0} or {@code file theta.json}
 */
public record Problem(ProblemSpec spec, Network network, Dataset data, Loss loss, double[] theta,
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
        Network network = Models.parse(spec.model());
        Dataset data = Datasets.parse(spec.data());
        Loss loss = Losses.parse(spec.lossOrDefault());
        EmpiricalRisk objective = new EmpiricalRisk(network, loss, data);
        Problem p;
        if (spec.params() != null) {
            p = new Problem(spec, network, data, loss, ParamsFile.read(spec.params(), network.parameterCount()),
                    "file " + spec.params());
        } else {
            long seed = spec.seedOrDefault();
            p = new Problem(spec, network, data, loss, network.initialize(seed), "seed " + seed);
        }
        requireFiniteLoss(p, objective);
        return p;
    }

    /**
     * Refuses a problem whose loss is ±∞ or NaN at its starting θ (a cost such as {@code (x-y)^99999999999} or
     * {@code exp(1000*(x-y))} overflows double precision): nothing computed from it would mean anything. Cost: one
     * forward pass.
     */
    private static void requireFiniteLoss(Problem p, EmpiricalRisk objective) {
        double value = objective.value(p.theta);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the loss " + p.loss.spec() + " is " + value + " at theta ("
                    + p.thetaSource + "): it overflows double precision; rescale the cost or the data so that L is "
                    + "finite (e.g. a smaller exponent or factor)");
        }
    }

    /** A fresh objective L(θ) over this problem (not thread-safe: one per thread). */
    public EmpiricalRisk objective() {
        return new EmpiricalRisk(network, loss, data);
    }

    /** The number of parameters P. */
    public int dim() {
        return network.parameterCount();
    }
}
