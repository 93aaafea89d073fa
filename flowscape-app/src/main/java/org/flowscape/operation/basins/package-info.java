/**
 * The {@code basins} operation: {@link org.flowscape.operation.basins.BasinsSettings},
 * {@link org.flowscape.operation.basins.BasinsOperation} (the Monte Carlo over random starts, or Bas(W) of one
 * network) and {@link org.flowscape.operation.basins.BasinsRecords}.
 */
package org.flowscape.operation.basins;
