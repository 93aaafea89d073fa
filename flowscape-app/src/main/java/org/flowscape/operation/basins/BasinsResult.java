package org.flowscape.operation.basins;

import java.util.List;
import org.flowscape.data.Dataset;
import org.flowscape.geometry.basins.BasinBounds;
import org.flowscape.geometry.basins.BasinStudyConfig;
import org.flowscape.geometry.basins.BoundEntry;
import org.flowscape.geometry.basins.OrthogonalExact;
import org.flowscape.geometry.basins.WidthResult;

/**
 * The Monte Carlo of the {@code basins} operation: per width, every start's basin value with its KKT gap, and the
 * paper's bounds beside their estimates.
 *
 * @param data the data
 * @param dataSpec the data spec as given (stored with each row)
 * @param config the core configuration it ran with
 * @param scale the loss factor s of s·Σ(p − y)²
 * @param widths one result per width, in the order asked
 */
public record BasinsResult(Dataset data, String dataSpec, BasinStudyConfig config, double scale,
        List<WidthResult> widths) {
    /** The bounds that apply at width result {@code r}, each beside its estimate (and exact value where known). */
    public List<BoundEntry> bounds(WidthResult r) {
        return BasinBounds.entries(data, scale, config.alpha(), r, config.initialization());
    }

    /**
     * The exact P[Bas ≤ α] at width result {@code r} where a closed form exists (data on pairwise orthogonal lines:
     * singleton data, X = I and their rotations; {@link OrthogonalExact}), else NaN. Counted like the estimate
     * {@code r.basinBelow(α)}: no slack.
     */
    public double exact(WidthResult r) {
        if (!OrthogonalExact.applies(data.inputs())) {
            return Double.NaN;
        }
        return OrthogonalExact.of(data.inputs(), data.targets(), scale)
                .probability(r.width(), config.alpha(), config.initialization().fixedOutput());
    }
}
