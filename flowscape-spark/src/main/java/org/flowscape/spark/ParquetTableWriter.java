package org.flowscape.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Writes one Parquet file of one store table with Apache Parquet's own writer, so that a Spark task can write all
 * the tables of its runs in one pass (one Spark job per study instead of one per table). Column types follow
 * {@link StoreTable}: string → {@code BINARY (STRING)}, int → {@code INT32}, long → {@code INT64}, double →
 * {@code DOUBLE} (the IEEE bits as they are), boolean → {@code BOOLEAN}, timestamp without time zone →
 * {@code INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false)}. Snappy-compressed, as Spark writes by default.
 * Not thread-safe.
 */
final class ParquetTableWriter implements AutoCloseable {
    private final StructField[] fields;
    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups;
    private long rows;

    /**
     * Creates {@code file} (which must not exist) for rows of {@code table}.
     *
     * @throws IOException when the file cannot be created
     */
    ParquetTableWriter(StoreTable table, Path file) throws IOException {
        this.fields = table.schema().fields();
        MessageType type = messageType(table);
        this.groups = new SimpleGroupFactory(type);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build();
    }

    /** Writes {@code rows} of {@code table} into the new file {@code file} (a file with no rows when empty). */
    static void writeFile(StoreTable table, Path file, List<Row> rows) throws IOException {
        try (ParquetTableWriter w = new ParquetTableWriter(table, file)) {
            for (Row row : rows) {
                w.write(row);
            }
        }
    }

    /** Appends one row; its values have the Java types of the table's Spark columns. */
    void write(Row row) throws IOException {
        Group g = groups.newGroup();
        for (int i = 0; i < fields.length; i++) {
            if (!row.isNullAt(i)) {
                add(g, i, fields[i].dataType(), row.get(i));
            }
        }
        writer.write(g);
        rows++;
    }

    /** The number of rows written so far. */
    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The Parquet schema of {@code table}: one field per column, required except the nullable ones. */
    static MessageType messageType(StoreTable table) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : table.schema().fields()) {
            Type.Repetition repetition = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            message.addField(primitive(f.dataType(), repetition).named(f.name()));
        }
        return message.named("spark_schema");
    }

    private static Types.PrimitiveBuilder<? extends Type> primitive(DataType type, Type.Repetition repetition) {
        if (type.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType());
        } else if (type.equals(DataTypes.IntegerType)) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition);
        } else if (type.equals(DataTypes.LongType)) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition);
        } else if (type.equals(DataTypes.DoubleType)) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, repetition);
        } else if (type.equals(DataTypes.BooleanType)) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
        } else if (type.equals(DataTypes.TimestampNTZType)) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS));
        }
        throw new IllegalArgumentException("no Parquet mapping for column type " + type);
    }

    private static void add(Group g, int field, DataType type, Object value) {
        if (type.equals(DataTypes.StringType)) {
            g.add(field, (String) value);
        } else if (type.equals(DataTypes.IntegerType)) {
            g.add(field, (Integer) value);
        } else if (type.equals(DataTypes.LongType)) {
            g.add(field, (Long) value);
        } else if (type.equals(DataTypes.DoubleType)) {
            g.add(field, (Double) value);
        } else if (type.equals(DataTypes.BooleanType)) {
            g.add(field, (Boolean) value);
        } else {
            LocalDateTime t = (LocalDateTime) value;
            g.add(field, t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000);
        }
    }
}
