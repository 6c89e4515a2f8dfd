package dev.scorespec.spark.batch;

import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import dev.scorespec.runtime.binding.TabularBinding.ColumnType;
import dev.scorespec.spark.BatchOptions;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.sql.vectorized.ColumnarBatchRow;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Function2;

/**
 * Scores one partition on an executor: its rows in batches, each batch as columns through the binder's
 * {@link TabularBinding}. The input holds the kept columns first, then the columns of each input, already of
 * the expected Spark types: one column per input, or, for an input whose rows are records of numbers read from
 * several columns ({@link BatchOptions#arrayColumns()}), one column per value. The output rows hold the kept
 * columns, the outputs and, when asked for, the error.
 *
 * <p>The input comes as Spark's internal rows ({@link #rows}) or, when the dataset's scan is columnar (Parquet's
 * vectorized reader), as its column batches ({@link #batches}). Either way, each row's values are read straight
 * into the batch's own arrays, in the types the binding takes, as the row arrives: no row is copied whole or
 * becomes a generic {@code Row} of boxed values, and from column batches, columns of numbers without nulls are
 * copied as blocks. The kept columns' values are copied as Spark's internal values, unconverted.
 *
 * <p>A row is refused when a non-nullable input is null, when a row of an array input has not the sample's
 * number of values, or when the binding refuses it: a batch the binding refuses is scored again row by row, so
 * only the rows at fault are refused and the others are scored.
 */
public final class PartitionScorer implements Serializable {

    private static final long serialVersionUID = 2L;
    /** The messages of refused rows a failed job reports, from each partition. */
    private static final int MAX_MESSAGES = 5;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final String scoringClass;
    private final BatchOptions options;
    private final DataType[] keptTypes;
    private final int kept;
    private final String[] inputNames;
    private final ColumnType[] inputTypes;
    private final boolean[] inputNullable;
    /** Per input column: 0 for one value per row, else the values each row holds. */
    private final int[] inputWidths;
    /** Per input column: whether run takes one value of it for all its rows. */
    private final boolean[] inputShared;
    /**
     * Per input column, the fields of the input that hold its values: one (a value, or an array of the row's
     * values), or one per value of the row (an input read from several columns).
     */
    private final int[][] inputFields;
    /** Per input column of rows of values: whether each value is a column of its own, not one array column. */
    private final boolean[] inputFromColumns;
    /** Whether any input column is shared: rows with different values are scored in different calls. */
    private final boolean anyShared;

    private final ColumnType[] outputTypes;

    /**
     * @param inputFields per input column, the fields of the input rows that hold its values (see the class
     *     comment); the kept columns are the fields before them
     * @param inputFromColumns per input column of rows of values, whether its fields are one column per value
     *     (else one array column)
     */
    public PartitionScorer(
            String scoringClass,
            BatchOptions options,
            List<DataType> keptTypes,
            List<TabularBinding.Column> inputs,
            int[][] inputFields,
            boolean[] inputFromColumns,
            List<TabularBinding.Column> outputs) {
        this.scoringClass = scoringClass;
        this.options = options;
        this.keptTypes = keptTypes.toArray(DataType[]::new);
        this.kept = this.keptTypes.length;
        this.inputNames = inputs.stream().map(TabularBinding.Column::name).toArray(String[]::new);
        this.inputTypes = inputs.stream().map(TabularBinding.Column::type).toArray(ColumnType[]::new);
        this.inputNullable = new boolean[inputs.size()];
        this.inputWidths = new int[inputs.size()];
        this.inputShared = new boolean[inputs.size()];
        this.inputFields = inputFields.clone();
        this.inputFromColumns = new boolean[inputs.size()];
        boolean shared = false;
        for (int i = 0; i < inputNullable.length; i++) {
            inputNullable[i] = inputs.get(i).nullable();
            inputWidths[i] = inputs.get(i).width();
            inputShared[i] = inputs.get(i).shared();
            shared |= inputShared[i];
            if (inputFields[i].length != 1 && inputFields[i].length != inputWidths[i]) {
                throw new IllegalArgumentException("Input '" + inputNames[i] + "' has " + inputFields[i].length
                        + " fields for " + inputWidths[i] + " values a row");
            }
            this.inputFromColumns[i] = inputWidths[i] > 0 && inputFromColumns[i];
        }
        this.anyShared = shared;
        this.outputTypes = outputs.stream().map(TabularBinding.Column::type).toArray(ColumnType[]::new);
    }

    /** Scores a partition of Spark's internal rows. */
    public Iterator<InternalRow> rows(Iterator<InternalRow> rows) {
        return new Scored() {
            @Override
            boolean fill(Batch batch) {
                while (!batch.full() && rows.hasNext()) {
                    batch.append(rows.next());
                }
                return batch.size > 0;
            }
        };
    }

    /**
     * Scores a partition of column batches whose columns are the input's fields in order ({@code columns[f]}
     * is the batch's column of field f). A scoring batch may take rows of several column batches: their values
     * are copied before the next column batch is read (a reader reuses its vectors).
     */
    public Iterator<InternalRow> batches(Iterator<ColumnarBatch> batches, int[] columns) {
        return new Scored() {
            private ColumnVector[] vectors;
            private ColumnarBatchRow view;
            private int next;
            private int rows;

            @Override
            boolean fill(Batch batch) {
                while (!batch.full()) {
                    if (next == rows) {
                        if (!batches.hasNext()) {
                            break;
                        }
                        ColumnarBatch columnar = batches.next();
                        vectors = new ColumnVector[columns.length];
                        for (int f = 0; f < columns.length; f++) {
                            vectors[f] = columnar.column(columns[f]);
                        }
                        view = new ColumnarBatchRow(vectors);
                        next = 0;
                        rows = columnar.numRows();
                        continue;
                    }
                    int take = Math.min(rows - next, batch.capacity() - batch.size);
                    batch.append(vectors, view, next, take);
                    next += take;
                }
                return batch.size > 0;
            }
        };
    }

    /** The output rows of a partition, scored batch by batch as they are asked for. */
    private abstract class Scored implements Iterator<InternalRow> {
        private final ScoringBinder<Object, Object> binder;
        private final TabularBinding<Object, Object> tabular;
        private final int partition;
        private final List<Function2<SpecializedGetters, Object, Object>> keptAccessors;
        private Iterator<InternalRow> out = List.<InternalRow>of().iterator();
        private long rowIndex;
        private long refused;
        private final List<String> messages = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Scored() {
            binder = (ScoringBinder<Object, Object>) BinderCache.initialised(scoringClass, options.modelDir());
            tabular = binder.tabular();
            partition = TaskContext.get() == null ? 0 : TaskContext.get().partitionId();
            // Accessors made once: InternalRow.get(i, type) looks the type's reader up, and Spark's SQL
            // configuration with it, on every call.
            keptAccessors = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                keptAccessors.add(InternalRow.getAccessor(keptTypes[i], true));
            }
        }

        /** Appends rows to {@code batch} until it is full or the input ends; whether it has any. */
        abstract boolean fill(Batch batch);

        @Override
        public boolean hasNext() {
            while (!out.hasNext()) {
                Batch batch = new Batch(options.batchSize(), keptAccessors);
                if (!fill(batch)) {
                    break;
                }
                out = scoreBatch(batch).iterator();
            }
            if (!out.hasNext() && refused > 0 && options.onError() == BatchOptions.OnError.FAIL) {
                throw new RowsRefusedException(refused + " rows of partition " + partition + " refused by "
                        + scoringClass + "; the first: " + String.join("; ", messages));
            }
            return out.hasNext();
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.next();
        }

        private List<InternalRow> scoreBatch(Batch batch) {
            int n = batch.size;
            String[] errors = batch.problems;
            int[] valid = new int[n];
            int count = 0;
            for (int r = 0; r < n; r++) {
                if (errors[r] == null) {
                    valid[count++] = r;
                }
            }
            Object[][] results = new Object[outputTypes.length][];
            for (int c = 0; c < results.length; c++) {
                results[c] = new Object[n];
            }
            if (anyShared) {
                int start = 0;
                for (int i = 1; i <= count; i++) {
                    if (i == count || !batch.sameShared(valid[start], valid[i])) {
                        score(batch, java.util.Arrays.copyOfRange(valid, start, i), results, errors);
                        start = i;
                    }
                }
            } else {
                score(batch, count == n ? null : java.util.Arrays.copyOf(valid, count), results, errors);
            }
            boolean errorColumn = options.onError() == BatchOptions.OnError.COLUMN;
            List<InternalRow> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                long index = rowIndex++;
                if (errors[r] != null) {
                    refused++;
                    if (messages.size() < MAX_MESSAGES) {
                        messages.add("row " + index + ": " + errors[r]);
                    }
                    if (!errorColumn) {
                        continue;
                    }
                }
                Object[] values = new Object[kept + outputTypes.length + (errorColumn ? 1 : 0)];
                for (int i = 0; i < kept; i++) {
                    values[i] = batch.kept[i][r];
                }
                for (int c = 0; c < outputTypes.length; c++) {
                    values[kept + c] = results[c][r];
                }
                if (errorColumn) {
                    values[values.length - 1] = errors[r] == null ? null : UTF8String.fromString(errors[r]);
                }
                rows.add(new GenericInternalRow(values));
            }
            return rows;
        }

        /**
         * Scores the batch's rows at {@code rows} (null: all of them) together; when the binding refuses them,
         * one by one.
         */
        private void score(Batch batch, int[] rows, Object[][] results, String[] errors) {
            int n = rows == null ? batch.size : rows.length;
            if (n == 0) {
                return;
            }
            Object[] columns = new Object[inputTypes.length];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = batch.column(c, rows);
            }
            Object result;
            try {
                Object arguments = tabular.arguments(columns, n);
                result = binder.run(arguments);
            } catch (BindingException e) {
                if (n == 1) {
                    errors[rows == null ? 0 : rows[0]] = e.getMessage();
                } else {
                    for (int i = 0; i < n; i++) {
                        score(batch, new int[] {rows == null ? i : rows[i]}, results, errors);
                    }
                }
                return;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(scoringClass + " failed to score a batch: " + e, e);
            }
            int returned = tabular.rows(result);
            if (returned != n) {
                throw new IllegalStateException(scoringClass + " returned " + returned + " rows for " + n);
            }
            Object[] outputColumns = tabular.columns(result);
            for (int c = 0; c < outputTypes.length; c++) {
                Object[] target = results[c];
                Object column = outputColumns[c];
                if (column instanceof double[] doubles) {
                    for (int i = 0; i < n; i++) {
                        target[rows == null ? i : rows[i]] = doubles[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        target[rows == null ? i : rows[i]] = internal(outputTypes[c], Array.get(column, i));
                    }
                }
            }
        }
    }

    /**
     * The rows of one call of {@code run} as they arrive: their kept values, each input column's values in the
     * type the binding takes, and why a row cannot be scored (null when it can).
     */
    private final class Batch {
        private final List<Function2<SpecializedGetters, Object, Object>> keptAccessors;
        private final Object[][] kept;
        /**
         * Per input column: an array of the binding's type (a primitive array for a non-nullable number column
         * of one value a row, an array of rows for a row of values), else the values boxed ({@code Object[]}).
         */
        private final Object[] inputs;

        private final String[] problems;
        private int size;

        Batch(int capacity, List<Function2<SpecializedGetters, Object, Object>> keptAccessors) {
            this.keptAccessors = keptAccessors;
            this.kept = new Object[PartitionScorer.this.kept][capacity];
            this.inputs = new Object[inputTypes.length];
            for (int c = 0; c < inputs.length; c++) {
                inputs[c] = primitive(c)
                        ? Array.newInstance(inputTypes[c].elementType(), capacity)
                        : inputWidths[c] > 0
                                ? Array.newInstance(inputTypes[c].elementType().arrayType(), capacity)
                                : new Object[capacity];
            }
            this.problems = new String[capacity];
        }

        int capacity() {
            return problems.length;
        }

        boolean full() {
            return size == problems.length;
        }

        /** Appends one row; its values are copied, the row is not kept. */
        void append(InternalRow row) {
            int r = size++;
            for (int k = 0; k < kept.length; k++) {
                kept[k][r] = InternalRow.copyValue(keptAccessors.get(k).apply(row, k));
            }
            for (int c = 0; c < inputs.length; c++) {
                read(row, c, r);
            }
        }

        /**
         * Appends rows {@code from} to {@code from + count} of column vectors ({@code view} reads them as rows):
         * columns of numbers without nulls as blocks, the others row by row.
         */
        void append(ColumnVector[] vectors, ColumnarBatchRow view, int from, int count) {
            int start = size;
            size += count;
            for (int k = 0; k < kept.length; k++) {
                Object[] values = kept[k];
                for (int i = 0; i < count; i++) {
                    view.rowId = from + i;
                    values[start + i] =
                            InternalRow.copyValue(keptAccessors.get(k).apply(view, k));
                }
            }
            for (int c = 0; c < inputs.length; c++) {
                if (!copyBlock(vectors, c, from, count, start)) {
                    for (int i = 0; i < count; i++) {
                        view.rowId = from + i;
                        read(view, c, start + i);
                    }
                }
            }
        }

        /** Copies input column {@code c} of the vectors as a block when it is numbers without nulls. */
        private boolean copyBlock(ColumnVector[] vectors, int c, int from, int count, int start) {
            int[] fields = inputFields[c];
            for (int field : fields) {
                if (vectors[field].hasNull()) {
                    return false;
                }
            }
            if (primitive(c)) {
                ColumnVector vector = vectors[fields[0]];
                switch (inputTypes[c]) {
                    case FLOAT64 -> System.arraycopy(vector.getDoubles(from, count), 0, inputs[c], start, count);
                    case INT64 -> System.arraycopy(vector.getLongs(from, count), 0, inputs[c], start, count);
                    case INT32 -> System.arraycopy(vector.getInts(from, count), 0, inputs[c], start, count);
                    default -> throw new IllegalStateException("No block copy of " + inputTypes[c]);
                }
                return true;
            }
            if (inputFromColumns[c] && inputTypes[c] == ColumnType.FLOAT64) {
                double[][] rows = (double[][]) inputs[c];
                for (int i = 0; i < count; i++) {
                    rows[start + i] = new double[fields.length];
                }
                for (int j = 0; j < fields.length; j++) {
                    double[] values = vectors[fields[j]].getDoubles(from, count);
                    for (int i = 0; i < count; i++) {
                        rows[start + i][j] = values[i];
                    }
                }
                return true;
            }
            return false;
        }

        /** Reads input column {@code c} of a row into row {@code r} of the batch, or notes its problem. */
        private void read(InternalRow row, int c, int r) {
            int[] fields = inputFields[c];
            if (inputWidths[c] > 0) {
                Object values = inputFromColumns[c] ? namedValues(row, c, r) : arrayValues(row, c, fields[0], r);
                Array.set(inputs[c], r, values);
                return;
            }
            int field = fields[0];
            if (row.isNullAt(field)) {
                if (!inputNullable[c]) {
                    problem(r, inputNames[c] + ": expected a value, got null");
                }
                if (!primitive(c)) {
                    ((Object[]) inputs[c])[r] = null;
                }
                return;
            }
            switch (primitive(c) ? inputTypes[c] : ColumnType.STRING) {
                case FLOAT64 -> ((double[]) inputs[c])[r] = row.getDouble(field);
                case INT64 -> ((long[]) inputs[c])[r] = row.getLong(field);
                case INT32 -> ((int[]) inputs[c])[r] = row.getInt(field);
                default -> ((Object[]) inputs[c])[r] = value(row, c, field);
            }
        }

        /** A row's values from an array column, or null with the row's problem noted. */
        private Object arrayValues(InternalRow row, int c, int field, int r) {
            if (row.isNullAt(field)) {
                problem(r, inputNames[c] + ": expected a value, got null");
                return null;
            }
            ArrayData values = row.getArray(field);
            if (values.numElements() != inputWidths[c]) {
                problem(r, inputNames[c] + ": expected " + inputWidths[c] + " values, got " + values.numElements());
                return null;
            }
            for (int j = 0; j < values.numElements(); j++) {
                if (values.isNullAt(j)) {
                    problem(r, inputNames[c] + "[" + j + "]: expected a value, got null");
                    return null;
                }
            }
            return switch (inputTypes[c]) {
                case FLOAT64 -> values.toDoubleArray();
                case FLOAT32 -> values.toFloatArray();
                case INT64 -> values.toLongArray();
                case INT32 -> values.toIntArray();
                case INT16 -> values.toShortArray();
                case INT8 -> values.toByteArray();
                case BOOLEAN -> values.toBooleanArray();
                default -> throw new IllegalStateException("No rows of " + inputTypes[c] + " values");
            };
        }

        /** A row's values from one column per value, or null with the row's problem noted. */
        private Object namedValues(InternalRow row, int c, int r) {
            int[] fields = inputFields[c];
            Object values = Array.newInstance(inputTypes[c].elementType(), fields.length);
            for (int j = 0; j < fields.length; j++) {
                if (row.isNullAt(fields[j])) {
                    problem(r, inputNames[c] + "[" + j + "]: expected a value, got null");
                    return null;
                }
                switch (inputTypes[c]) {
                    case FLOAT64 -> ((double[]) values)[j] = row.getDouble(fields[j]);
                    case FLOAT32 -> ((float[]) values)[j] = row.getFloat(fields[j]);
                    case INT64 -> ((long[]) values)[j] = row.getLong(fields[j]);
                    case INT32 -> ((int[]) values)[j] = row.getInt(fields[j]);
                    case INT16 -> ((short[]) values)[j] = row.getShort(fields[j]);
                    case INT8 -> ((byte[]) values)[j] = row.getByte(fields[j]);
                    case BOOLEAN -> ((boolean[]) values)[j] = row.getBoolean(fields[j]);
                    default -> throw new IllegalStateException("No rows of " + inputTypes[c] + " values");
                }
            }
            return values;
        }

        /** Notes why row {@code r} cannot be scored, unless an earlier input column already has. */
        private void problem(int r, String message) {
            if (problems[r] == null) {
                problems[r] = message;
            }
        }

        /** Whether rows {@code a} and {@code b} have the same values in the shared input columns. */
        boolean sameShared(int a, int b) {
            for (int c = 0; c < inputShared.length; c++) {
                if (inputShared[c] && !Objects.equals(boxed(c, a), boxed(c, b))) {
                    return false;
                }
            }
            return true;
        }

        private Object boxed(int c, int r) {
            return Array.get(inputs[c], r);
        }

        /**
         * Input column {@code c} of the rows at {@code rows} (null: all of them), in the array type its binding
         * takes.
         */
        Object column(int c, int[] rows) {
            Object values = inputs[c];
            if (rows == null && size == capacity() && !(values instanceof Object[] && inputWidths[c] == 0)) {
                return values;
            }
            int n = rows == null ? size : rows.length;
            Class<?> element = inputWidths[c] > 0
                    ? inputTypes[c].elementType().arrayType()
                    : inputNullable[c] ? inputTypes[c].boxedType() : inputTypes[c].elementType();
            if (primitive(c) || inputWidths[c] > 0) {
                Object column = Array.newInstance(element, n);
                if (rows == null) {
                    System.arraycopy(values, 0, column, 0, n);
                } else if (values instanceof double[] doubles) {
                    double[] target = (double[]) column;
                    for (int i = 0; i < n; i++) {
                        target[i] = doubles[rows[i]];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        Array.set(column, i, Array.get(values, rows[i]));
                    }
                }
                return column;
            }
            Object[] boxedValues = (Object[]) values;
            Object column = Array.newInstance(element, n);
            for (int i = 0; i < n; i++) {
                Array.set(column, i, boxedValues[rows == null ? i : rows[i]]);
            }
            return column;
        }
    }

    /** Whether input column {@code c} is kept in a primitive array: a non-nullable number of one value a row. */
    private boolean primitive(int c) {
        return inputWidths[c] == 0
                && !inputNullable[c]
                && (inputTypes[c] == ColumnType.FLOAT64
                        || inputTypes[c] == ColumnType.INT64
                        || inputTypes[c] == ColumnType.INT32);
    }

    /** The value of input column {@code c} at {@code field} of a row (not null), as the binding takes it. */
    private Object value(InternalRow row, int c, int field) {
        return switch (inputTypes[c]) {
            case BOOLEAN -> row.getBoolean(field);
            case INT8 -> row.getByte(field);
            case INT16 -> row.getShort(field);
            case INT32 -> row.getInt(field);
            case INT64 -> row.getLong(field);
            case FLOAT32 -> row.getFloat(field);
            case FLOAT64 -> row.getDouble(field);
            case STRING -> row.getUTF8String(field).toString();
            case BINARY -> row.getBinary(field).clone();
            case DATE -> LocalDate.ofEpochDay(row.getInt(field));
            case DATE_TIME -> {
                long micros = row.getLong(field);
                yield LocalDateTime.ofEpochSecond(
                        Math.floorDiv(micros, MICROS_PER_SECOND),
                        (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000,
                        ZoneOffset.UTC);
            }
            case TIMESTAMP -> {
                long micros = row.getLong(field);
                yield Instant.ofEpochSecond(
                        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
            }
        };
    }

    /** A value the binding returned, in Spark's internal form of its column type. */
    private static Object internal(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> UTF8String.fromString((String) value);
            case DATE -> (int) ((LocalDate) value).toEpochDay();
            case DATE_TIME -> micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC));
            case TIMESTAMP -> micros((Instant) value);
            default -> value;
        };
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    /** Rows that the binding refused, in a job that fails on them. */
    public static final class RowsRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowsRefusedException(String message) {
            super(message);
        }
    }
}
