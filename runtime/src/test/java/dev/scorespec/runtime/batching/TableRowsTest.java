package dev.scorespec.runtime.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRowsTest {

    /** A dataframe scoring class: a score column computed from each row alone. */
    private static Table score(Table input) {
        DoubleColumn amount = input.doubleColumn("amount");
        StringColumn name = input.stringColumn("name");
        DoubleColumn score = DoubleColumn.create("score", input.rowCount());
        for (int i = 0; i < input.rowCount(); i++) {
            score.set(i, Math.log1p(amount.getDouble(i)) * name.get(i).length());
        }
        return Table.create("scores", name.copy(), score);
    }

    private static final BatchShape<Table, Table> SHAPE = new BatchShape<>() {
        @Override
        public int rows(Table arguments) {
            return TableRows.rows(arguments);
        }

        @Override
        public Object key(Table arguments) {
            return TableRows.key(arguments);
        }

        @Override
        public Table concat(List<Table> arguments) {
            return TableRows.concat(arguments);
        }

        @Override
        public int resultRows(Table result) {
            return TableRows.rows(result);
        }

        @Override
        public List<Table> split(Table result, int[] rowsPerRequest) {
            return TableRows.split(result, rowsPerRequest);
        }
    };

    private static Table frame(String... names) {
        double[] amounts = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            amounts[i] = 10.5 * (i + 1) + names[i].hashCode() % 7;
        }
        return Table.create("in", StringColumn.create("name", names), DoubleColumn.create("amount", amounts));
    }

    @Test
    void batchedTablesAreAnsweredWithTheirOwnRows() {
        List<Table> inputs = List.of(frame("ann", "bo"), frame("cy"), frame("dee", "ed", "flo"));
        List<Integer> batches = new ArrayList<>();
        try (Batcher<Table, Table> batcher = Batcher.builder(SHAPE, (Table batch) -> {
                    batches.add(batch.rowCount());
                    return score(batch);
                })
                .policy((state, model) -> state.requests() >= 3 ? state.now() : Long.MAX_VALUE)
                .build()) {
            List<CompletableFuture<Table>> answers = new ArrayList<>();
            for (Table input : inputs) {
                answers.add(batcher.submit(input).toCompletableFuture());
            }
            for (int i = 0; i < inputs.size(); i++) {
                Table expected = score(inputs.get(i));
                Table actual = answers.get(i).join();
                assertEquals(expected.rowCount(), actual.rowCount());
                assertEquals(expected.columnNames(), actual.columnNames());
                for (int row = 0; row < expected.rowCount(); row++) {
                    assertEquals(
                            expected.stringColumn("name").get(row),
                            actual.stringColumn("name").get(row));
                    assertEquals(
                            Double.doubleToRawLongBits(
                                    expected.doubleColumn("score").getDouble(row)),
                            Double.doubleToRawLongBits(
                                    actual.doubleColumn("score").getDouble(row)));
                }
            }
        }
        assertEquals(List.of(6), batches);
    }

    @Test
    void tablesWithOtherColumnsHaveOtherKeys() {
        Table other = Table.create("in", StringColumn.create("name", "x"), StringColumn.create("amount", "1"));
        assertTrue(!TableRows.key(frame("a")).equals(TableRows.key(other)));
        assertEquals(TableRows.key(frame("a")), TableRows.key(frame("b", "c")));
    }
}
