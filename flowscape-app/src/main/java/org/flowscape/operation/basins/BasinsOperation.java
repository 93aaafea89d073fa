package org.flowscape.operation.basins;

import java.io.IOException;
import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.data.Datasets;
import org.flowscape.geometry.basins.BasinMonteCarlo;
import org.flowscape.geometry.basins.BasinSolver;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BasinValue;
import org.flowscape.geometry.basins.ReluNet;
import org.flowscape.geometry.basins.WidthResult;
import org.flowscape.loss.SquaredError;
import org.flowscape.objective.EmpiricalRisk;
import org.flowscape.spec.ParamsFile;

/**
 * The {@code basins} operation on two-layer bias-free ReLU networks N(x) = Σ_j v_j [w_j·x]_+ ({@code docs/basins.md}):
 * the Monte Carlo over random starts, or the basin value of one given network. The one computation behind
 * {@code flowscape basins} and the {@code basins} study analysis. Cost: one basin program per start (see
 * {@link BasinSolver}), plus training when asked.
 */
public final class BasinsOperation {
    private BasinsOperation() {
    }

    /** The data of {@code settings}, checked to have one target column. */
    public static Dataset data(BasinsSettings settings) {
        Dataset d = Datasets.parse(settings.data());
        if (d.targetDim() != 1) {
            throw new IllegalArgumentException("--data has " + d.targetDim() + " target columns; basins need one "
                    + "(e.g. drop k=... from the spec)");
        }
        return d;
    }

    /** The Monte Carlo of {@code settings} on {@code data}. */
    public static BasinsResult run(Dataset data, BasinsSettings settings) throws InterruptedException {
        BasinStudyConfig config = settings.config();
        double scale = BasinSolver.scale(config.normalization(), data.size());
        List<WidthResult> widths = BasinMonteCarlo.run(data, config);
        return new BasinsResult(data, settings.data(), config, scale, widths);
    }

    /**
     * Bas(W) of the network in {@code settings.params()}: θ = [W (k × d, row-major), v (k)] of
     * {@code mlp:d-k-1:relu:nobias}, k inferred from the length (P = k(d + 1)).
     *
     * @throws IllegalArgumentException when the file's length is not a multiple of d + 1
     * @throws IOException when the file cannot be read
     */
    public static BasinAt at(Dataset data, BasinsSettings settings) throws IOException {
        settings.validate();
        double[] theta = ParamsFile.read(settings.params());
        int d = data.inputDim();
        if (theta.length == 0 || theta.length % (d + 1) != 0) {
            throw new IllegalArgumentException("--params " + settings.params() + " has " + theta.length + " entries; "
                    + "a width-k network on d = " + d + " inputs has k(d + 1) = k*" + (d + 1) + ": W (k x d, "
                    + "row-major) then v (k)");
        }
        int k = theta.length / (d + 1);
        ReluNet net = ReluNet.fromTheta(d, k, theta);
        double scale = BasinSolver.scale(settings.loss(), data.size());
        BasinValue b = new BasinSolver(settings.kktTol()).solve(net, data.inputs(), data.targets(), scale);
        double loss = new EmpiricalRisk(ReluNet.network(d, k), new SquaredError(settings.loss()), data).value(theta);
        return new BasinAt(data, settings.data(), net, loss, b);
    }
}
