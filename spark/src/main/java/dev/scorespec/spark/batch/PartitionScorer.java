package dev.scorespec.spark.batch;

import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import dev.scorespec.runtime.binding.TabularBinding.ColumnType;
import dev.scorespec.spark.BatchOptions;
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
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Scores one partition on an executor: its rows in batches, each batch as columns through the binder's
 * {@link TabularBinding}. The input rows hold the kept columns first, then the input columns already of the
 * expected Spark types; the output rows hold the kept columns, the outputs and, when asked for, the error.
 *
 * <p>Rows stay in Spark's internal form ({@link InternalRow}) both ways: the values of a batch are read
 * straight into the binding's primitive arrays (an array column of doubles is copied as a block), and the
 * kept columns pass through unconverted, so no row becomes a generic {@code Row} of boxed values.
 *
 * <p>A row is refused when a non-nullable input is null, when a row of an array input has not the sample's
 * number of values, or when the binding refuses it: a batch the binding refuses is scored again row by row, so
 * only the rows at fault are refused and the others are scored.
 */
public final class PartitionScorer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {

    private static final long serialVersionUID = 1L;
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

    private final ColumnType[] outputTypes;

    public PartitionScorer(
            String scoringClass,
            BatchOptions options,
            List<DataType> keptTypes,
            List<TabularBinding.Column> inputs,
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
        for (int i = 0; i < inputNullable.length; i++) {
            inputNullable[i] = inputs.get(i).nullable();
            inputWidths[i] = inputs.get(i).width();
            inputShared[i] = inputs.get(i).shared();
        }
        this.outputTypes = outputs.stream().map(TabularBinding.Column::type).toArray(ColumnType[]::new);
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
        @SuppressWarnings("unchecked")
        ScoringBinder<Object, Object> binder =
                (ScoringBinder<Object, Object>) BinderCache.initialised(scoringClass, options.modelDir());
        TabularBinding<Object, Object> tabular = binder.tabular();
        int partition = TaskContext.get() == null ? 0 : TaskContext.get().partitionId();
        return new Iterator<>() {
            private Iterator<InternalRow> batch = List.<InternalRow>of().iterator();
            private long rowIndex;
            private long refused;
            private final List<String> messages = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && rows.hasNext()) {
                    List<InternalRow> in = new ArrayList<>(options.batchSize());
                    while (in.size() < options.batchSize() && rows.hasNext()) {
                        // Spark reuses the row it hands out; the batch keeps its own copies.
                        in.add(rows.next().copy());
                    }
                    batch = scoreBatch(binder, tabular, in).iterator();
                }
                if (!batch.hasNext() && refused > 0 && options.onError() == BatchOptions.OnError.FAIL) {
                    throw new RowsRefusedException(refused + " rows of partition " + partition + " refused by "
                            + scoringClass + "; the first: " + String.join("; ", messages));
                }
                return batch.hasNext();
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }

            private List<InternalRow> scoreBatch(
                    ScoringBinder<Object, Object> binder,
                    TabularBinding<Object, Object> tabular,
                    List<InternalRow> in) {
                String[] errors = new String[in.size()];
                List<Integer> valid = new ArrayList<>(in.size());
                for (int r = 0; r < in.size(); r++) {
                    errors[r] = rowProblem(in.get(r));
                    if (errors[r] == null) {
                        valid.add(r);
                    }
                }
                Object[][] results = new Object[in.size()][];
                for (List<Integer> call : sharedRuns(in, valid)) {
                    score(binder, tabular, in, call, results, errors);
                }
                List<InternalRow> out = new ArrayList<>(in.size());
                for (int r = 0; r < in.size(); r++) {
                    long index = rowIndex++;
                    if (errors[r] != null) {
                        refused++;
                        if (messages.size() < MAX_MESSAGES) {
                            messages.add("row " + index + ": " + errors[r]);
                        }
                        if (options.onError() == BatchOptions.OnError.FAIL) {
                            continue;
                        }
                    }
                    out.add(outputRow(in.get(r), results[r], errors[r]));
                }
                return out;
            }
        };
    }

    /** Scores the rows at {@code valid} together; when the binding refuses them, one by one. */
    private void score(
            ScoringBinder<Object, Object> binder,
            TabularBinding<Object, Object> tabular,
            List<InternalRow> in,
            List<Integer> valid,
            Object[][] results,
            String[] errors) {
        if (valid.isEmpty()) {
            return;
        }
        Object[] columns = new Object[inputTypes.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = column(in, valid, c);
        }
        Object result;
        try {
            Object arguments = tabular.arguments(columns, valid.size());
            result = binder.run(arguments);
        } catch (BindingException e) {
            if (valid.size() == 1) {
                errors[valid.get(0)] = e.getMessage();
            } else {
                for (Integer row : valid) {
                    score(binder, tabular, in, List.of(row), results, errors);
                }
            }
            return;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(scoringClass + " failed to score a batch: " + e, e);
        }
        int rows = tabular.rows(result);
        if (rows != valid.size()) {
            throw new IllegalStateException(scoringClass + " returned " + rows + " rows for " + valid.size());
        }
        Object[] outputColumns = tabular.columns(result);
        for (int i = 0; i < valid.size(); i++) {
            Object[] values = new Object[outputTypes.length];
            for (int c = 0; c < outputTypes.length; c++) {
                values[c] = internal(outputTypes[c], Array.get(outputColumns[c], i));
            }
            results[valid.get(i)] = values;
        }
    }

    /**
     * The rows at {@code valid} in runs of equal shared values (a plain value run takes once for all its rows),
     * each scored in its own calls; without shared columns, all of them.
     */
    private List<List<Integer>> sharedRuns(List<InternalRow> in, List<Integer> valid) {
        List<Integer> shared = new ArrayList<>();
        for (int c = 0; c < inputShared.length; c++) {
            if (inputShared[c]) {
                shared.add(c);
            }
        }
        if (shared.isEmpty() || valid.isEmpty()) {
            return List.of(valid);
        }
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        InternalRow first = null;
        for (Integer r : valid) {
            InternalRow row = in.get(r);
            if (first != null && !sameValues(first, row, shared)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            if (run.isEmpty()) {
                first = row;
            }
            run.add(r);
        }
        runs.add(run);
        return runs;
    }

    private boolean sameValues(InternalRow a, InternalRow b, List<Integer> columns) {
        for (int c : columns) {
            if (!Objects.equals(value(a, c), value(b, c))) {
                return false;
            }
        }
        return true;
    }

    /** Input column {@code c} of the rows at {@code valid}, in the array type its binding takes. */
    private Object column(List<InternalRow> in, List<Integer> valid, int c) {
        int n = valid.size();
        int field = kept + c;
        if (inputWidths[c] > 0) {
            return rowsColumn(in, valid, c);
        }
        if (!inputNullable[c]) {
            // The common cases without boxing: numbers the binding takes as primitive arrays.
            switch (inputTypes[c]) {
                case FLOAT64: {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.get(valid.get(i)).getDouble(field);
                    }
                    return values;
                }
                case INT64: {
                    long[] values = new long[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.get(valid.get(i)).getLong(field);
                    }
                    return values;
                }
                case INT32: {
                    int[] values = new int[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.get(valid.get(i)).getInt(field);
                    }
                    return values;
                }
                default:
                    break;
            }
        }
        Class<?> element = inputNullable[c] ? inputTypes[c].boxedType() : inputTypes[c].elementType();
        Object values = Array.newInstance(element, n);
        for (int i = 0; i < n; i++) {
            Array.set(values, i, value(in.get(valid.get(i)), c));
        }
        return values;
    }

    /** A column of rows of values ({@code double[n][width]} and the like) from an array column. */
    private Object rowsColumn(List<InternalRow> in, List<Integer> valid, int c) {
        int n = valid.size();
        int field = kept + c;
        Object values = Array.newInstance(inputTypes[c].elementType().arrayType(), n);
        for (int i = 0; i < n; i++) {
            ArrayData row = in.get(valid.get(i)).getArray(field);
            Array.set(
                    values,
                    i,
                    switch (inputTypes[c]) {
                        case FLOAT64 -> row.toDoubleArray();
                        case FLOAT32 -> row.toFloatArray();
                        case INT64 -> row.toLongArray();
                        case INT32 -> row.toIntArray();
                        case INT16 -> row.toShortArray();
                        case INT8 -> row.toByteArray();
                        case BOOLEAN -> row.toBooleanArray();
                        default -> throw new IllegalStateException("No rows of " + inputTypes[c] + " values");
                    });
        }
        return values;
    }

    /** The value of input column {@code c} of a row, as the binding takes one value, or null. */
    private Object value(InternalRow row, int c) {
        int field = kept + c;
        if (row.isNullAt(field)) {
            return null;
        }
        return switch (inputTypes[c]) {
            case BOOLEAN -> row.getBoolean(field);
            case INT8 -> row.getByte(field);
            case INT16 -> row.getShort(field);
            case INT32 -> row.getInt(field);
            case INT64 -> row.getLong(field);
            case FLOAT32 -> row.getFloat(field);
            case FLOAT64 -> row.getDouble(field);
            case STRING -> row.getUTF8String(field).toString();
            case BINARY -> row.getBinary(field);
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

    /**
     * Why a row cannot be scored before its binding sees it: a null in a non-nullable input column, or a row
     * of an array input without the sample's number of values; null when it can.
     */
    private String rowProblem(InternalRow row) {
        for (int c = 0; c < inputTypes.length; c++) {
            int field = kept + c;
            if (!inputNullable[c] && row.isNullAt(field)) {
                return inputNames[c] + ": expected a value, got null";
            }
            if (inputWidths[c] > 0) {
                ArrayData values = row.getArray(field);
                if (values.numElements() != inputWidths[c]) {
                    return inputNames[c] + ": expected " + inputWidths[c] + " values, got " + values.numElements();
                }
                for (int j = 0; j < values.numElements(); j++) {
                    if (values.isNullAt(j)) {
                        return inputNames[c] + "[" + j + "]: expected a value, got null";
                    }
                }
            }
        }
        return null;
    }

    private InternalRow outputRow(InternalRow in, Object[] result, String error) {
        boolean errorColumn = options.onError() == BatchOptions.OnError.COLUMN;
        Object[] values = new Object[kept + outputTypes.length + (errorColumn ? 1 : 0)];
        for (int i = 0; i < kept; i++) {
            values[i] = in.get(i, keptTypes[i]);
        }
        if (result != null) {
            System.arraycopy(result, 0, values, kept, outputTypes.length);
        }
        if (errorColumn) {
            values[kept + outputTypes.length] = error == null ? null : UTF8String.fromString(error);
        }
        return new GenericInternalRow(values);
    }

    /** Rows that the binding refused, in a job that fails on them. */
    public static final class RowsRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowsRefusedException(String message) {
            super(message);
        }
    }
}
