package dev.scorespec.spark.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorespec.spark.BatchOptions;
import dev.scorespec.spark.BatchScoring;
import dev.scorespec.spark.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * An ndarray input whose rows hold one value reads the same from the one column {@code --array-columns} names
 * as from an array column of one value: a single field is not taken to be an array column.
 */
class SingleValueRowsTest {

    private static List<Row> scored(Dataset<Row> input, BatchOptions options) {
        return BatchScoring.score(input, DoubleScore.class.getName(), options.keepColumns("id"))
                .orderBy("id")
                .collectAsList();
    }

    @Test
    void oneNamedColumnAndOneArrayColumnGiveTheSameScores() {
        Dataset<Row> named = TestSpark.session().range(50).selectExpr("id", "CAST(id AS DOUBLE) / 4 AS x");
        Dataset<Row> array = named.selectExpr("id", "array(x) AS data");

        for (boolean columnar : new boolean[] {true, false}) {
            List<Row> fromColumn = scored(
                    named, BatchOptions.defaults().arrayColumns("data", "x").columnar(columnar));
            List<Row> fromArray = scored(array, BatchOptions.defaults().columnar(columnar));
            assertEquals(50, fromColumn.size());
            assertEquals(fromArray, fromColumn);
            for (int i = 0; i < 50; i++) {
                assertEquals(i, fromColumn.get(i).getLong(0));
                assertEquals(i / 2.0, fromColumn.get(i).getDouble(1), 0.0, "row " + i);
            }
        }
    }
}
