package dev.scorespec.spark.batch;

import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import dev.scorespec.runtime.binding.TabularBinding;
import dev.scorespec.runtime.binding.TabularBinding.ColumnType;
import dev.scorespec.spark.BatchOptions;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores one partition on an executor: its rows in batches, each batch as columns through the binder's
 * {@link TabularBinding}. The input rows hold the kept columns first, then the input columns already of the
 * expected Spark types; the output rows hold the kept columns, the outputs and, when asked for, the error.
 *
 * <p>A row is refused when a non-nullable input is null, or when the binding refuses it: a batch the binding
 * refuses is scored again row by row, so only the rows at fault are refused and the others are scored.
 */
public final class PartitionScorer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    /** The messages of refused rows a failed job reports, from each partition. */
    private static final int MAX_MESSAGES = 5;

    private final String scoringClass;
    private final BatchOptions options;
    private final int kept;
    private final String[] inputNames;
    private final ColumnType[] inputTypes;
    private final boolean[] inputNullable;
    private final int outputs;

    public PartitionScorer(
            String scoringClass, BatchOptions options, int kept, List<TabularBinding.Column> inputs, int outputs) {
        this.scoringClass = scoringClass;
        this.options = options;
        this.kept = kept;
        this.inputNames = inputs.stream().map(TabularBinding.Column::name).toArray(String[]::new);
        this.inputTypes = inputs.stream().map(TabularBinding.Column::type).toArray(ColumnType[]::new);
        this.inputNullable = new boolean[inputs.size()];
        for (int i = 0; i < inputNullable.length; i++) {
            inputNullable[i] = inputs.get(i).nullable();
        }
        this.outputs = outputs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        @SuppressWarnings("unchecked")
        ScoringBinder<Object, Object> binder =
                (ScoringBinder<Object, Object>) BinderCache.initialised(scoringClass, options.modelDir());
        TabularBinding<Object, Object> tabular = binder.tabular();
        int partition = TaskContext.get() == null ? 0 : TaskContext.get().partitionId();
        return new Iterator<>() {
            private Iterator<Row> batch = List.<Row>of().iterator();
            private long rowIndex;
            private long refused;
            private final List<String> messages = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && rows.hasNext()) {
                    List<Row> in = new ArrayList<>(options.batchSize());
                    while (in.size() < options.batchSize() && rows.hasNext()) {
                        in.add(rows.next());
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
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }

            private List<Row> scoreBatch(
                    ScoringBinder<Object, Object> binder, TabularBinding<Object, Object> tabular, List<Row> in) {
                String[] errors = new String[in.size()];
                List<Integer> valid = new ArrayList<>(in.size());
                for (int r = 0; r < in.size(); r++) {
                    errors[r] = nullInput(in.get(r));
                    if (errors[r] == null) {
                        valid.add(r);
                    }
                }
                Object[][] results = new Object[in.size()][];
                score(binder, tabular, in, valid, results, errors);
                List<Row> out = new ArrayList<>(in.size());
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
            List<Row> in,
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
            Object[] values = new Object[outputs];
            for (int c = 0; c < outputs; c++) {
                values[c] = Array.get(outputColumns[c], i);
            }
            results[valid.get(i)] = values;
        }
    }

    /** Input column {@code c} of the rows at {@code valid}, in the array type its binding takes. */
    private Object column(List<Row> in, List<Integer> valid, int c) {
        int n = valid.size();
        int field = kept + c;
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
                case FLOAT32: {
                    float[] values = new float[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.get(valid.get(i)).getFloat(field);
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
            Array.set(values, i, ColumnTypes.read(in.get(valid.get(i)), field));
        }
        return values;
    }

    /** The message for a null in a non-nullable input column, or null. */
    private String nullInput(Row row) {
        for (int c = 0; c < inputTypes.length; c++) {
            if (!inputNullable[c] && row.isNullAt(kept + c)) {
                return inputNames[c] + ": expected a value, got null";
            }
        }
        return null;
    }

    private Row outputRow(Row in, Object[] result, String error) {
        boolean errorColumn = options.onError() == BatchOptions.OnError.COLUMN;
        Object[] values = new Object[kept + outputs + (errorColumn ? 1 : 0)];
        for (int i = 0; i < kept; i++) {
            values[i] = in.get(i);
        }
        if (result != null) {
            System.arraycopy(result, 0, values, kept, outputs);
        }
        if (errorColumn) {
            values[kept + outputs] = error;
        }
        return RowFactory.create(values);
    }

    /** Rows that the binding refused, in a job that fails on them. */
    public static final class RowsRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowsRefusedException(String message) {
            super(message);
        }
    }
}
