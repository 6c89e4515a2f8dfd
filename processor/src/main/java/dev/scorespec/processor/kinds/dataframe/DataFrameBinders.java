package dev.scorespec.processor.kinds.dataframe;

import static dev.scorespec.processor.emit.RuntimeNames.COLUMN_KIND;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_READER;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_SPEC;
import static dev.scorespec.processor.emit.RuntimeNames.DATA_FRAME_WRITER;
import static dev.scorespec.processor.emit.RuntimeNames.ORIENT;
import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_COLUMNS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.BinderNames;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.DataFrameType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The binder's code for {@code @DataFrame} samples: a constant with the sample's columns, which the
 * runtime's reader checks requests against and its writer writes results by.
 */
public final class DataFrameBinders {

    private final BinderFile file;

    public DataFrameBinders(BinderFile file) {
        this.file = file;
    }

    /** An expression that reads a frame at the parser's current token. */
    public CodeBlock read(DataFrameType f, String context) {
        return CodeBlock.of("$T.read(json, $L)", DATA_FRAME_READER, inputConstant(f, context));
    }

    /** The constant of an input frame's columns, which requests and batches are checked against. */
    private String inputConstant(DataFrameType f, String context) {
        return frameConstant(context, f, "the sample of {@code " + tableName(context) + "}", "what requests must have");
    }

    /** A statement that writes a table by the output sample's columns and orient. */
    public CodeBlock write(DataFrameType f, String expression, String context) {
        return CodeBlock.of(
                "$T.write(out, $L, $L)",
                DATA_FRAME_WRITER,
                expression,
                frameConstant(
                        context,
                        f,
                        context.equals("Result")
                                ? "the output sample"
                                : "the output sample's {@code " + tableName(context) + "}",
                        "how run's tables are written"));
    }

    /** For Javadoc: {@code a dataframe in orient split with the columns a (long), ...}. */
    public static String describe(DataFrameType f) {
        return "a dataframe in orient " + f.orient().pandasName() + " with the columns "
                + f.columns().stream()
                        .map(c -> c.name() + " ("
                                + c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                                + (c.nullable() ? ", nullable" : "") + ")")
                        .collect(Collectors.joining(", "));
    }

    /**
     * A constant holding a dataframe sample's columns, which the reader checks requests against and the
     * writer writes results by; the tables read are named after the value ({@code data}).
     */
    private String frameConstant(String context, DataFrameType frame, String sample, String use) {
        String name = BinderNames.constantName(context) + "_FRAME";
        if (file.hasConstant(name)) {
            return name;
        }
        CodeBlock.Builder init = CodeBlock.builder()
                .add(
                        "$T.of($S, $T.$L, $L, $L",
                        DATA_FRAME_SPEC,
                        tableName(context),
                        ORIENT,
                        frame.orient().name(),
                        frame.enforceColumnType(),
                        frame.enforceShape());
        for (DataFrameType.Column column : frame.columns()) {
            String factory = column.nullable() ? "nullableColumn" : "column";
            file.addStaticImport(DATA_FRAME_SPEC, factory);
            init.add(
                    ",\n$>$>$L($S, $T.$L)$<$<",
                    factory,
                    column.name(),
                    COLUMN_KIND,
                    column.kind().name());
        }
        file.addConstant(FieldSpec.builder(DATA_FRAME_SPEC, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "The columns of $L, in orient $L: $L$L$L.\n",
                        sample,
                        frame.orient().pandasName(),
                        use,
                        frame.enforceColumnType() ? "" : "; their types come from each request",
                        frame.enforceShape() ? "" : "; other columns are read too")
                .initializer(init.add(")").build())
                .build());
        return name;
    }

    /** The name of the tables read for a value: its JSON name as a Java name, {@code data}. */
    private static String tableName(String context) {
        return Character.toLowerCase(context.charAt(0)) + context.substring(1);
    }

    /**
     * A frame as input columns of a table, by the sample's column names: a frame whose columns have types (of
     * kinds a batch's columns carry: not times or timedeltas) and that is not optional.
     */
    public Optional<TabularParts.Input> tabularInput(DataFrameType f, String context, boolean optional) {
        if (optional || !f.enforceColumnType()) {
            return Optional.empty();
        }
        List<TabularParts.Column> columns = new ArrayList<>();
        for (DataFrameType.Column column : f.columns()) {
            String type = switch (column.kind()) {
                case LONG -> "INT64";
                case INTEGER -> "INT32";
                case DOUBLE -> "FLOAT64";
                case STRING -> "STRING";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case DATE_TIME -> "DATE_TIME";
                case INSTANT -> "TIMESTAMP";
                case TIME, TIMEDELTA -> null;
            };
            if (type == null) {
                return Optional.empty();
            }
            columns.add(TabularParts.perRow(column.name(), type, column.nullable()));
        }
        String constant = inputConstant(f, context);
        return Optional.of(new TabularParts.Input(
                columns, offset -> CodeBlock.of("$T.table($L, columns, $L, rows)", TABULAR_COLUMNS, constant, offset)));
    }
}
