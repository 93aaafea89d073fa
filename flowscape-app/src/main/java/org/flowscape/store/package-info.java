/**
 * The results store: one embedded DuckDB file per study directory ({@code results.duckdb}, schema in
 * {@code docs/store.md}), written run by run in transactions by {@link org.flowscape.store.ResultStore}, read by
 * {@link org.flowscape.store.StoreReader} (from the file or from a Parquet export) and exported by
 * {@link org.flowscape.store.Exporter}. Knows nothing of how a number was computed, only the records.
 */
package org.flowscape.store;
