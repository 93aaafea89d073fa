/**
 * Studies: declarative sweeps of analyses, expanded into {@link org.flowscape.experiment.RunSpec runs},
 * executed by a runner, with results written through a {@link org.flowscape.experiment.RecordSink} to the
 * store. The {@link org.flowscape.experiment.Analysis} interface is how dynamics, critical points, geometry
 * and the {@code reproduce} claims plug in.
 */
package org.flowscape.experiment;
