/**
 * The {@code flow} operation: {@link org.flowscape.operation.flow.FlowSettings},
 * {@link org.flowscape.operation.flow.FlowOperation#run}, {@link org.flowscape.operation.flow.FlowRun},
 * {@link org.flowscape.operation.flow.FlowRecords} and the rate predictions
 * ({@link org.flowscape.operation.flow.FlowPredictions}).
 */
package org.flowscape.operation.flow;
