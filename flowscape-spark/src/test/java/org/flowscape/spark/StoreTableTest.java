package org.flowscape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.flowscape.store.StoreSchema;
import org.junit.jupiter.api.Test;

/** The Parquet tables have the names, order and columns of the local store's DDL (no Spark needed). */
class StoreTableTest {
    @Test
    void tablesAreTheLocalStoresInItsOrder() {
        assertThat(Arrays.stream(StoreTable.values()).map(StoreTable::tableName).toList())
                .isEqualTo(StoreSchema.TABLES);
        assertThat(StoreTable.RECORDS.stream().map(StoreTable::tableName).toList())
                .isEqualTo(StoreSchema.RECORD_TABLES);
    }

    @Test
    void parquetColumnsAreTheDdlColumnsWithMatchingPhysicalTypes() {
        Pattern column = Pattern.compile("(\\w+) (VARCHAR|INTEGER|BIGINT|DOUBLE|BOOLEAN|TIMESTAMP)");
        for (StoreTable table : StoreTable.values()) {
            MessageType parquet = ParquetTableWriter.messageType(table);
            Matcher m = column.matcher(StoreSchema.ddl(table.tableName()).replaceFirst("^[^(]*\\(", ""));
            List<Type> fields = parquet.getFields();
            int i = 0;
            while (m.find()) {
                Type f = fields.get(i++);
                assertThat(f.getName()).as(table.tableName()).isEqualTo(m.group(1));
                assertThat(f.asPrimitiveType().getPrimitiveTypeName().name()).as(table.tableName() + "." + m.group(1))
                        .isEqualTo(switch (m.group(2)) {
                            case "VARCHAR" -> "BINARY";
                            case "INTEGER" -> "INT32";
                            case "BIGINT", "TIMESTAMP" -> "INT64";
                            default -> m.group(2);
                        });
            }
            assertThat(i).as(table.tableName()).isEqualTo(fields.size());
        }
    }
}
