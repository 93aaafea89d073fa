package org.flowscape.experiment;

/**
 * One random initialization of a basin study, as stored in {@code basins}.
 *
 * @param init the initialization's index (0-based) within its width and data set
 * @param width the hidden width k
 * @param data the data spec the basin was computed on
 * @param basinValue the exact minimal loss over the initialization's activation basin (QP value)
 * @param kktGap the QP's KKT certificate gap
 * @param finalLoss the loss where descent or flow from the initialization ended; NaN when not trained
 */
public record BasinRow(int init, int width, String data, double basinValue, double kktGap, double finalLoss) {
}
