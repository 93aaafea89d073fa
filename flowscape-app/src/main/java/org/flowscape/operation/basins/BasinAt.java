package org.flowscape.operation.basins;

import org.flowscape.data.Dataset;
import org.flowscape.geometry.basins.BasinValue;
import org.flowscape.geometry.basins.ReluNet;

/**
 * The basin value of one given network ({@code basins --params FILE}).
 *
 * @param data the data
 * @param dataSpec the data spec as given (stored with the row)
 * @param network the network W = (w, v) whose basin is solved
 * @param loss L(W) in the same normalization
 * @param basin Bas(W) = min over W's closed activation basin, its minimizer and its KKT certificate
 */
public record BasinAt(Dataset data, String dataSpec, ReluNet network, double loss, BasinValue basin) {
}
