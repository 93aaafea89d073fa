/**
 * The scale-out study executor: runs a {@link org.flowscape.experiment.StudyPlan} on Apache Spark (spark-submit or
 * local mode) and writes the store schema of {@code docs/store.md} as Parquet tables under {@code DIR/parquet/}.
 * Depends on the application module; nothing in the application depends on this one (it is found through
 * {@link java.util.ServiceLoader} when its jar is on the class path).
 */
package org.flowscape.spark;
