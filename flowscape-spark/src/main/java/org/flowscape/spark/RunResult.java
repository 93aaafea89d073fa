package org.flowscape.spark;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * One finished run as the store holds it: its {@code runs} row and its record rows.
 *
 * @param run the {@link StoreTable#RUNS} row
 * @param records the run's records; empty when the run failed (a failed run commits no records)
 */
public record RunResult(Row run, RunRecords records) implements Serializable {
    /** The rows this run adds to {@code table}. */
    public List<Row> rows(StoreTable table) {
        return table == StoreTable.RUNS ? List.of(run) : records.rows(table);
    }
}
