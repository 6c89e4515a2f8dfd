package dev.scorespec.spark.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.annotations.internal.spark.SparkDdl;
import dev.scorespec.annotations.internal.spark.SparkType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Spark-free DDL parser against Spark's own ({@code StructType.fromDDL}), which needs no session. */
class SparkDdlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name STRING, age INT, joined TIMESTAMP, scores ARRAY<DOUBLE>, attrs MAP<STRING, INT>, address STRUCT<city: STRING, zip: STRING>",
                "a TINYINT, b BYTE, c SMALLINT, d SHORT, e INT, f INTEGER, g BIGINT, h LONG",
                "a FLOAT, b REAL, c DOUBLE, d BOOLEAN, e BINARY, f DATE, g TIMESTAMP, h STRING, i TIMESTAMP_NTZ, j TIMESTAMP_LTZ",
                "price DECIMAL(10,2), whole DECIMAL, five DEC(5), n NUMERIC(38, 38), m decimal(1,0)",
                "id bigint not null, label string NOT NULL COMMENT 'the class', note STRING COMMENT \"double\"",
                "`first name` STRING, `a``b` INT, `select` DOUBLE, date DATE, timestamp TIMESTAMP",
                "s STRUCT<>, t STRUCT<a INT, b: STRUCT<c: ARRAY<MAP<STRING, ARRAY<INT>>>>>",
                "nested ARRAY<STRUCT<x: DOUBLE NOT NULL, y: DOUBLE COMMENT 'north'>>",
                "m MAP<STRING, STRUCT<v: DECIMAL(4,1)>>, k MAP<INT, STRING>",
                "  spaced   STRING  ,\n\tnext\tINT  ",
                "c STRING COMMENT 'it\\'s escaped', d INT COMMENT 'tab\\there'",
                "MixedCase String, UPPER INT, _under INT, x1 INT"
            })
    void parsesAsSparkDoes(String ddl) {
        StructType spark = StructType.fromDDL(ddl);
        SparkType.Struct ours = SparkDdl.parseSchema(ddl);
        assertEquals(spark, SparkTypes.toSpark(ours), ddl);
        assertEquals(spark.simpleString(), ours.simpleString(), ddl);
        // What generated binders carry: the schema written back as DDL reads to the same schema, in both parsers.
        String written = SparkDdl.format(ours);
        assertEquals(ours, SparkDdl.parseSchema(written), written);
        assertEquals(spark, StructType.fromDDL(written), written);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "name",
                "name FOO",
                "a INT,",
                "a INT b INT",
                "a ARRAY<INT",
                "a MAP<STRING>",
                "a DECIMAL(39,0)",
                "a DECIMAL(5,6)",
                "a STRUCT<b INT",
                "a INT NOT",
                "a INT COMMENT",
                "a INT COMMENT 'open",
                "`open STRING"
            })
    void refusesWhatSparkRefuses(String ddl) {
        assertThrows(Exception.class, () -> StructType.fromDDL(ddl), "Spark accepts " + ddl);
        assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema(ddl), ddl);
    }

    /**
     * Names given twice: Spark's parser takes them and the query that reads them fails later; a sample's
     * schema is refused at once. Spark resolves names without regard to case, so case does not tell apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a INT, a STRING", "a INT, A STRING", "a STRUCT<b: INT, B: INT>"})
    void refusesNamesGivenTwice(String ddl) {
        assertTrue(assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema(ddl))
                .getMessage()
                .contains("is given twice"));
    }

    /** Spark types a Spark sample does not take: refused by name, though Spark knows them. */
    @ParameterizedTest
    @ValueSource(strings = {"a VARCHAR(10)", "a CHAR(3)", "a INTERVAL DAY", "a VOID", "a VARIANT"})
    void refusesTypesOutsideTheSampleKind(String ddl) {
        SparkDdl.DdlException e = assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema(ddl));
        assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
        assertEquals(2, e.position());
    }

    @Test
    void errorsSayWhereAndWhat() {
        SparkDdl.DdlException e =
                assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema("name STRING, age INTT"));
        assertEquals(
                "at 17 ('INTT'): unsupported type 'INTT'; the types are BOOLEAN, TINYINT, SMALLINT, INT,"
                        + " BIGINT, FLOAT, DOUBLE, DECIMAL(p,s), STRING, BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ, ARRAY<t>, MAP<k, v> and"
                        + " STRUCT<name: t, ...>",
                e.getMessage());
        assertEquals(
                "at 11 (the end): expected '>'",
                assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema("a ARRAY<INT"))
                        .getMessage());
        assertEquals(
                "the name 'a' is given twice",
                assertThrows(SparkDdl.DdlException.class, () -> SparkDdl.parseSchema("a INT, a INT"))
                        .getMessage());
    }

    @Test
    void parsesOneType() {
        assertEquals(
                new SparkType.Array(new SparkType.Decimal(10, 2), true), SparkDdl.parseType("array<decimal(10, 2)>"));
        assertEquals(SparkType.Atomic.LONG, SparkDdl.parseType(" BIGINT "));
    }
}
