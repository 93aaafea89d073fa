/**
 * The {@code basins} operation: {@link org.flowscape.operation.basins.BasinsSettings},
 * {@link org.flowscape.operation.basins.BasinsOperation} (the Monte Carlo over random starts, or Bas(W) of one
 * network; {@link org.flowscape.operation.basins.BasinsResult#exact} gives the closed-form P[Bas ≤ α] on data on
 * orthogonal lines) and {@link org.flowscape.operation.basins.BasinsRecords}, with the one-network renderer
 * {@link org.flowscape.operation.basins.BasinAtReport}.
 */
package org.flowscape.operation.basins;
