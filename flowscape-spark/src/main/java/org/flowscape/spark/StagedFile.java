package org.flowscape.spark;

import java.io.Serializable;

/**
 * A Parquet file a Spark task wrote into a batch's staging directory, waiting to be moved into its table.
 *
 * @param table the table the file belongs to
 * @param name the file's name (unique in the batch)
 * @param rows how many rows it holds
 */
public record StagedFile(StoreTable table, String name, long rows) implements Serializable {
}
