package org.flowscape.geometry.basins;

/**
 * The minimal loss over an initialization's basin and where it is attained.
 *
 * @param value       Bas = min over the closed basin of the loss (in the program's normalization)
 * @param minimizer   a minimizer in the basin's closure, v_j = b_j and w_j = u_g / (number of neurons in group g);
 *                    neurons active on no point keep their weights (they contribute nothing)
 * @param certificate the KKT certificate of the reduced program's solution
 * @param groups      the number of distinct (activation row, output sign) groups among neurons active somewhere:
 *                    the reduced program has groups·d variables
 * @param method      how the point was found: {@code admm+polish}, {@code ojalgo+polish}, {@code ojalgo} (ojAlgo's
 *                    own point kept) or {@code none} (no neuron active anywhere: the value is L(0))
 */
public record BasinValue(double value, ReluNet minimizer, KktCertificate certificate, int groups,
                         String method) {
}
