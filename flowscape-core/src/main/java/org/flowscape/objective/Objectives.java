package org.flowscape.objective;

import org.flowscape.data.Dataset;
import org.flowscape.loss.Loss;
import org.flowscape.model.Model;
import org.flowscape.model.Network;
import org.flowscape.model.layers.LayerModel;

/** Builds the objective L(θ) = loss(f(θ; X), Y) for any {@link Model}. */
public final class Objectives {
    private Objectives() {
    }

    /**
     * An {@link EmpiricalRisk} for a dense {@link Network}, a {@link LayerRisk} for a {@link LayerModel}.
     *
     * @throws IllegalArgumentException when data, model and loss do not fit together (naming the shapes)
     */
    public static ModelObjective of(Model model, Loss loss, Dataset data) {
        if (model instanceof Network net) {
            return new EmpiricalRisk(net, loss, data);
        }
        if (model instanceof LayerModel layers) {
            return new LayerRisk(layers, loss, data);
        }
        throw new IllegalArgumentException("no objective for model type " + model.getClass().getSimpleName());
    }
}
