package dev.scorespec.spark.batch;

import dev.scorespec.runtime.binding.TabularBinding.ColumnType;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The Spark type of each column type, and which input types widen to it. */
public final class ColumnTypes {

    private ColumnTypes() {}

    public static DataType spark(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> DataTypes.BooleanType;
            case INT8 -> DataTypes.ByteType;
            case INT16 -> DataTypes.ShortType;
            case INT32 -> DataTypes.IntegerType;
            case INT64 -> DataTypes.LongType;
            case FLOAT32 -> DataTypes.FloatType;
            case FLOAT64 -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BINARY -> DataTypes.BinaryType;
            case DATE -> DataTypes.DateType;
            case DATE_TIME -> DataTypes.TimestampNTZType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /**
     * The input types that convert to {@code type} without losing a value (besides the type itself): narrower
     * integers to wider ones, integers to double (as pandas reads them), float to double. A CSV file read
     * with inferred types gives int or bigint for whole-number columns, so a float64 column takes them.
     */
    public static List<DataType> widening(ColumnType type) {
        return switch (type) {
            case INT16 -> List.of(DataTypes.ByteType);
            case INT32 -> List.of(DataTypes.ByteType, DataTypes.ShortType);
            case INT64 -> List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType);
            case FLOAT32 -> List.of(DataTypes.ByteType, DataTypes.ShortType);
            case FLOAT64 ->
                List.of(
                        DataTypes.ByteType,
                        DataTypes.ShortType,
                        DataTypes.IntegerType,
                        DataTypes.LongType,
                        DataTypes.FloatType);
            default -> List.of();
        };
    }
}
