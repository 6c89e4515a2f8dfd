package dev.scorespec.spark.binding;

import dev.scorespec.annotations.internal.spark.SparkType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's own types for the Spark-free model the processor works with ({@link SparkType}): a binder
 * generated for a Spark sample carries its schema as that model, and the runtime builds the
 * {@link StructType} from it once. A field's comment goes into its metadata under {@code "comment"}, where
 * Spark's DDL parser puts it, so the two are equal.
 */
public final class SparkTypes {

    private SparkTypes() {}

    /** Spark's struct type for a struct of the model. */
    public static StructType toSpark(SparkType.Struct struct) {
        List<StructField> fields = new ArrayList<>();
        for (SparkType.Field f : struct.fields()) {
            Metadata metadata = f.comment() == null
                    ? Metadata.empty()
                    : new MetadataBuilder().putString("comment", f.comment()).build();
            fields.add(new StructField(f.name(), toSpark(f.type()), f.nullable(), metadata));
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** Spark's data type for a type of the model. */
    public static DataType toSpark(SparkType type) {
        if (type instanceof SparkType.Atomic atomic) {
            return switch (atomic) {
                case BYTE -> DataTypes.ByteType;
                case SHORT -> DataTypes.ShortType;
                case INTEGER -> DataTypes.IntegerType;
                case LONG -> DataTypes.LongType;
                case BOOLEAN -> DataTypes.BooleanType;
                case FLOAT -> DataTypes.FloatType;
                case DOUBLE -> DataTypes.DoubleType;
                case STRING -> DataTypes.StringType;
                case BINARY -> DataTypes.BinaryType;
                case DATE -> DataTypes.DateType;
                case TIMESTAMP -> DataTypes.TimestampType;
                case TIMESTAMP_NTZ -> DataTypes.TimestampNTZType;
            };
        } else if (type instanceof SparkType.Decimal d) {
            return DataTypes.createDecimalType(d.precision(), d.scale());
        } else if (type instanceof SparkType.Array a) {
            return DataTypes.createArrayType(toSpark(a.element()), a.containsNull());
        } else if (type instanceof SparkType.MapType m) {
            return DataTypes.createMapType(toSpark(m.key()), toSpark(m.value()), m.valueContainsNull());
        } else {
            return toSpark((SparkType.Struct) type);
        }
    }
}
