package dev.scorespec.processor.kinds.standard;

import static dev.scorespec.processor.emit.RuntimeNames.JSON_BODY;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_OUTPUT;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_TOKEN;
import static dev.scorespec.processor.emit.RuntimeNames.JSON_VALUES;
import static dev.scorespec.processor.emit.RuntimeNames.TABULAR_COLUMNS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.processor.emit.BinderFile;
import dev.scorespec.processor.emit.BinderNames;
import dev.scorespec.processor.emit.FieldLocals;
import dev.scorespec.processor.emit.KindEmitters;
import dev.scorespec.processor.emit.TabularParts;
import dev.scorespec.processor.model.ListType;
import dev.scorespec.processor.model.ObjectType;
import dev.scorespec.processor.model.ScalarKind;
import dev.scorespec.processor.model.ScalarType;
import dev.scorespec.processor.model.UnionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The binder's code for {@code @Standard} samples and nested records: plain values, lists, maps and
 * records, read one method per structure so that a reader can follow the schema in the code.
 */
public final class StandardBinders {

    private final BinderFile file;
    /** One reader and one writer per record type and schema, named after the record, however often it appears. */
    private final Map<ObjectType, String> recordReaders = new HashMap<>();

    private final Map<ObjectType, String> recordWriters = new HashMap<>();

    public StandardBinders(BinderFile file) {
        this.file = file;
    }

    /** An expression that reads a plain value. */
    public static CodeBlock readScalar(ScalarType s) {
        String name = safeUnbox(s.javaType()).toString();
        String method = switch (s.kind()) {
            case INT64 -> "readLong";
            case INT32 ->
                switch (name) {
                    case "short" -> "readShort";
                    case "byte" -> "readByte";
                    default -> "readInt";
                };
            // Bound to Object or Number, an integer stays a Long, as Python's json keeps 2 an int.
            case DOUBLE ->
                name.equals("java.lang.Object") || name.equals("java.lang.Number") ? "readNumber" : "readDouble";
            case FLOAT -> "readFloat";
            case STRING -> "readString";
            case BOOLEAN -> "readBoolean";
            case BYTES -> "readBase64";
            case DATE -> "readDate";
            case DATE_TIME -> s.naive() ? "readLocalDateTime" : "readOffsetDateTime";
            case TIME -> s.naive() ? "readLocalTime" : "readOffsetTime";
        };
        return CodeBlock.of("$T.$L(json)", JSON_VALUES, method);
    }

    private static TypeName safeUnbox(TypeName t) {
        return t.isBoxedPrimitive() ? t.unbox() : t;
    }

    /** A reader method for a list; returns its name. */
    public String listReader(ListType l, String context) {
        String method = file.helperName("read" + context);
        String item = context + "Item";
        MethodSpec.Builder read = file.reader(method, l.javaType())
                .addJavadoc("Reads the list {@code $L}.\n", context)
                .addStatement("$T.expectStartArray(json)", JSON_VALUES);
        TypeName itemType = l.items().javaType();
        if (l.javaArray() && itemType.isPrimitive()) {
            // A growable primitive buffer: no boxing for lists of numbers.
            read.addStatement("$T items = new $T[8]", l.javaType(), itemType)
                    .addStatement("int size = 0")
                    .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                    .beginControlFlow("if (size == items.length)")
                    .addStatement("items = $T.copyOf(items, size * 2)", Arrays.class)
                    .endControlFlow()
                    .addStatement("items[size++] = $L", file.readValue(l.items(), item))
                    .endControlFlow()
                    .addStatement("return $T.copyOf(items, size)", Arrays.class);
        } else {
            TypeName boxed = itemType.box();
            read.addStatement("$T<$T> items = new $T<>()", List.class, boxed, ArrayList.class)
                    .beginControlFlow("while (json.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
                    .addStatement("items.add($L)", file.readValue(l.items(), item))
                    .endControlFlow();
            if (l.javaArray()) {
                read.addStatement("return items.toArray(new $T[0])", boxed);
            } else {
                read.addStatement("return $T.unmodifiableList(items)", Collections.class);
            }
        }
        file.addHelper(method, read.build());
        return method;
    }

    /** The reader method of a record type, written once however often the record appears; returns its name. */
    public String recordReader(ObjectType o, String context) {
        String existing = recordReaders.get(o);
        if (existing != null) {
            return existing;
        }
        String method = file.helperName("read" + ((ClassName) o.javaType()).simpleName());
        recordReaders.put(o, method);
        MethodSpec.Builder read = file.reader(method, o.javaType())
                .addJavadoc(
                        "Reads a {@link $T}: an object with $L.\n",
                        o.javaType(),
                        o.properties().stream().map(ObjectType.Property::name).collect(Collectors.joining(", ")))
                .addStatement("$T.expectStartObject(json)", JSON_VALUES);
        List<ObjectType.Property> properties = o.properties();
        FieldLocals locals = new FieldLocals(
                properties.stream().map(ObjectType.Property::javaName).toList(), Set.of("json", "name"));
        for (int i = 0; i < properties.size(); i++) {
            read.addStatement(
                            "$T $L = $L",
                            properties.get(i).type().javaType(),
                            locals.value(i),
                            BinderNames.defaultValue(properties.get(i).type().javaType()))
                    .addStatement("boolean $L = false", locals.flag(i));
        }
        read.beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()")
                .beginControlFlow("switch (name)");
        for (int i = 0; i < properties.size(); i++) {
            ObjectType.Property p = properties.get(i);
            read.beginControlFlow("case $S ->", p.name())
                    .addStatement("$L = $L", locals.value(i), readProperty(p, context))
                    .addStatement("$L = true", locals.flag(i))
                    .endControlFlow();
        }
        read.addComment("Properties the record does not have are ignored, as the schema allows them.")
                .addStatement("default -> json.skipChildren()")
                .endControlFlow()
                .endControlFlow();
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).required()) {
                read.addStatement(
                        "$T.requireKey(json, $L, $S)",
                        JSON_BODY,
                        locals.flag(i),
                        properties.get(i).name());
            }
        }
        read.addStatement(
                "return new $T($L)",
                o.javaType(),
                IntStream.range(0, properties.size())
                        .mapToObj(i -> CodeBlock.of("$L", locals.value(i)))
                        .collect(CodeBlock.joining(", ")));
        file.addHelper(method, read.build());
        return method;
    }

    /** A reader method for a {@code Map<String, V>}; returns its name. */
    public String mapReader(ObjectType o, String context) {
        String method = file.helperName("read" + context);
        TypeName valueType =
                ((ParameterizedTypeName) o.javaType()).typeArguments().get(1);
        boolean perKey = valueType.equals(ClassName.OBJECT);
        MethodSpec.Builder read = file.reader(method, o.javaType())
                .addJavadoc(
                        "Reads the object {@code $L}; it must have the sample's keys: $L.\n",
                        context,
                        o.properties().stream().map(ObjectType.Property::name).collect(Collectors.joining(", ")))
                .addStatement("$T.expectStartObject(json)", JSON_VALUES)
                .addStatement("$T<String, $T> map = new $T<>()", Map.class, valueType, LinkedHashMap.class)
                .beginControlFlow("while (json.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
                .addStatement("String name = json.currentName()")
                .addStatement("json.nextToken()");
        if (perKey) {
            // Values bound to Object take each key's type from the sample; other keys take any JSON.
            read.beginControlFlow("switch (name)");
            for (ObjectType.Property p : o.properties()) {
                read.addStatement("case $S -> map.put(name, $L)", p.name(), readProperty(p, context));
            }
            read.addStatement("default -> map.put(name, $T.readAny(json))", JSON_BODY)
                    .endControlFlow();
        } else if (o.properties().stream().allMatch(ObjectType.Property::nullable)
                || o.properties().stream().noneMatch(ObjectType.Property::nullable)) {
            // One type for every key, null included when every key's sample was null (see StandardSamples).
            ObjectType.Property value = o.properties().get(0);
            read.addStatement(
                    "map.put(name, $L)",
                    readProperty(new ObjectType.Property("value", value.type(), true, value.nullable()), context));
        } else {
            // One type for every key; only the keys whose sample was null may be null, as the schema says.
            CodeBlock value = file.readValue(o.properties().get(0).type(), context + "Value");
            read.beginControlFlow("switch (name)");
            for (ObjectType.Property p : o.properties()) {
                if (p.nullable()) {
                    read.addStatement(
                            "case $S -> map.put(name, json.currentToken() == $T.VALUE_NULL ? null : $L)",
                            p.name(),
                            JSON_TOKEN,
                            value);
                }
            }
            read.addStatement("default -> map.put(name, $L)", value).endControlFlow();
        }
        read.endControlFlow()
                .addStatement(
                        "$T.requireKeys(json, map, $T.of($L))",
                        JSON_BODY,
                        List.class,
                        o.properties().stream()
                                .filter(ObjectType.Property::required)
                                .map(p -> CodeBlock.of("$S", p.name()))
                                .collect(CodeBlock.joining(", ")))
                .addStatement("return $T.unmodifiableMap(map)", Collections.class);
        file.addHelper(method, read.build());
        return method;
    }

    /** An expression that reads a value of any of a union's plain JSON types. */
    public static CodeBlock readUnion(UnionType u) {
        if (u.kinds().isEmpty() && u.structures().isEmpty()) {
            return CodeBlock.of("$T.readAny(json)", JSON_BODY);
        }
        return CodeBlock.of("$T.readScalarOf(json, $L)", JSON_BODY, typeNames(u));
    }

    /** An expression that reads a property's value, or takes {@code null} where its sample had one. */
    private CodeBlock readProperty(ObjectType.Property p, String context) {
        CodeBlock read = file.readValue(p.type(), context + BinderNames.upper(BinderNames.javaName(p.javaName())));
        return p.nullable() ? CodeBlock.of("json.currentToken() == $T.VALUE_NULL ? null : $L", JSON_TOKEN, read) : read;
    }

    /** The union's JSON type names, as {@code JsonBody.readScalarOf} takes them for its checks and messages. */
    private static CodeBlock typeNames(UnionType u) {
        List<String> names = new ArrayList<>();
        u.kinds().stream().map(ScalarKind::jsonType).distinct().forEach(names::add);
        u.list().ifPresent(l -> names.add("array"));
        u.object().ifPresent(o -> names.add("object"));
        return names.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", "));
    }

    /**
     * A reader method for a union that may be an array or an object: each such token goes to that
     * option's reader, any other to the plain kinds'. Returns its name.
     */
    public String unionReader(UnionType u, String context) {
        String method = file.helperName("read" + context);
        MethodSpec.Builder read =
                file.reader(method, u.javaType()).addJavadoc("Reads {@code $L}: $L.\n", context, describe(u));
        u.list()
                .ifPresent(l -> read.beginControlFlow("if (json.currentToken() == $T.START_ARRAY)", JSON_TOKEN)
                        .addStatement("return $L", file.readValue(l, context + "List"))
                        .endControlFlow());
        u.object()
                .ifPresent(o -> read.beginControlFlow("if (json.currentToken() == $T.START_OBJECT)", JSON_TOKEN)
                        .addStatement("return $L", file.readValue(o, context + "Object"))
                        .endControlFlow());
        read.addStatement("return $L", readUnion(u));
        file.addHelper(method, read.build());
        return method;
    }

    /** A statement that writes bytes as base64 text, as the schema's {@code format: byte} says. */
    public CodeBlock writeBytes(ScalarType s, String expression, String context) {
        String method = file.helperName("write" + context);
        MethodSpec.Builder write = file.writer(method, s.javaType());
        write.addStatement("$T.writeBase64(out, value)", JSON_OUTPUT);
        file.addHelper(method, write.build());
        return CodeBlock.of("$L(out, $L)", method, expression);
    }

    /** A statement that writes a list whose items need generated writing. */
    public CodeBlock writeList(ListType l, String expression, String context) {
        String method = file.helperName("write" + context);
        MethodSpec.Builder write = file.writer(method, l.javaType());
        write.addStatement("out.writeStartArray()")
                .beginControlFlow("for ($T item : value)", l.items().javaType())
                .addStatement("$L", file.writeValue(l.items(), "item", context + "Item"))
                .endControlFlow()
                .addStatement("out.writeEndArray()");
        file.addHelper(method, write.build());
        return CodeBlock.of("$L(out, $L)", method, expression);
    }

    /** A statement that writes a record (one writer per record type) or a map whose values need generated writing. */
    public CodeBlock writeObject(ObjectType o, String expression, String context) {
        if (o.record() && recordWriters.containsKey(o)) {
            return CodeBlock.of("$L(out, $L)", recordWriters.get(o), expression);
        }
        String method = file.helperName("write" + (o.record() ? ((ClassName) o.javaType()).simpleName() : context));
        if (o.record()) {
            recordWriters.put(o, method);
        }
        MethodSpec.Builder write = file.writer(method, o.javaType());
        if (o.record()) {
            write.beginControlFlow("if (value == null)")
                    .addStatement("out.writeNull()")
                    .addStatement("return")
                    .endControlFlow()
                    .addStatement("out.writeStartObject()");
            for (ObjectType.Property p : o.properties()) {
                write.addStatement("out.writeFieldName($S)", p.name())
                        .addStatement(
                                "$L",
                                file.writeValue(
                                        p.type(),
                                        "value." + p.javaName() + "()",
                                        context + BinderNames.upper(BinderNames.javaName(p.javaName()))));
            }
            write.addStatement("out.writeEndObject()");
        } else {
            TypeName valueType =
                    ((ParameterizedTypeName) o.javaType()).typeArguments().get(1);
            write.addStatement("out.writeStartObject()")
                    .beginControlFlow("for ($T.Entry<String, $T> entry : value.entrySet())", Map.class, valueType)
                    .addStatement("out.writeFieldName(entry.getKey())")
                    .addStatement(
                            "$L", file.writeValue(o.properties().get(0).type(), "entry.getValue()", context + "Value"))
                    .endControlFlow()
                    .addStatement("out.writeEndObject()");
        }
        file.addHelper(method, write.build());
        return CodeBlock.of("$L(out, $L)", method, expression);
    }

    /** For Javadoc: {@code a number (double)}. */
    public static String describe(ScalarType s) {
        return "a " + s.kind().jsonType()
                + s.kind().jsonFormat().map(f -> " (" + f + ")").orElse("");
    }

    public static String describe(UnionType u) {
        List<String> options = new ArrayList<>();
        u.kinds().stream().map(ScalarKind::jsonType).distinct().forEach(options::add);
        u.structures().forEach(s -> options.add(KindEmitters.of(s).describe().replaceFirst("^an? ", "")));
        return "one of " + String.join(", ", options);
    }

    public static String describe(ListType l) {
        return "a list of " + KindEmitters.of(l.items()).describe().replaceFirst("^an? ", "");
    }

    public static String describe(ObjectType o) {
        return "an object with "
                + o.properties().stream().map(ObjectType.Property::name).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ columns of a table, for batch scoring

    /**
     * A plain value next to a table, as a column of one value for all the rows of a call of run: batch scoring
     * calls run once per run of rows with equal values.
     */
    public static Optional<TabularParts.Input> tabularInput(ScalarType s, String name, boolean optional) {
        return TabularParts.shared(name, s.javaType(), optional)
                .map(column -> new TabularParts.Input(
                        List.of(column),
                        offset -> CodeBlock.of(
                                "($L)[0]", TabularParts.column(offset, TabularParts.arrayOf(s.javaType())))));
    }

    /** A list of plain values as an output column of one value per row. */
    public static Optional<TabularParts.Output> tabularOutput(ListType l, String name) {
        if (!(l.items() instanceof ScalarType item)) {
            return Optional.empty();
        }
        if (l.javaArray()) {
            return TabularParts.perRow(name, item.javaType())
                    .map(column -> new TabularParts.Output(
                            List.of(column), value -> CodeBlock.of("$L.length", value), value -> List.of(value)));
        }
        TypeName boxed = item.javaType().box();
        return TabularParts.perRow(name, boxed)
                .map(column -> new TabularParts.Output(
                        List.of(column),
                        value -> CodeBlock.of("$L.size()", value),
                        value -> List.of(CodeBlock.of("$L.toArray(new $T[0])", value, boxed))));
    }

    /**
     * A record as input columns of a table: its components' columns, in order, when each component is
     * columns. A map is not: its keys are not fixed.
     */
    public Optional<TabularParts.Input> tabularInput(ObjectType o, String context) {
        if (!o.record()) {
            return Optional.empty();
        }
        List<TabularParts.Input> parts = new ArrayList<>();
        for (ObjectType.Property p : o.properties()) {
            Optional<TabularParts.Input> part = file.tabularInput(
                    p.type(), p.name(), context + BinderNames.upper(BinderNames.javaName(p.javaName())), !p.required());
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        List<TabularParts.Column> columns =
                parts.stream().flatMap(part -> part.columns().stream()).toList();
        return Optional.of(new TabularParts.Input(columns, offset -> {
            List<CodeBlock> values = new ArrayList<>();
            int at = offset;
            for (TabularParts.Input part : parts) {
                values.add(part.argument().apply(at));
                at += part.columns().size();
            }
            return CodeBlock.of("new $T(\n$>$>$L$<$<)", o.javaType(), CodeBlock.join(values, ",\n"));
        }));
    }

    /**
     * A record or map as output columns of a table: one per component or sample key, each of one value per
     * row, named by the key; the rows are those of the first.
     */
    public Optional<TabularParts.Output> tabularOutput(ObjectType o) {
        List<TabularParts.Output> parts = new ArrayList<>();
        List<ObjectType.Property> properties = o.properties();
        for (ObjectType.Property p : properties) {
            Optional<TabularParts.Output> part = file.tabularOutput(p.type(), p.name());
            if (part.isEmpty() || p.nullable() || !p.required()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<TabularParts.Column> columns =
                parts.stream().flatMap(part -> part.columns().stream()).toList();
        return Optional.of(new TabularParts.Output(
                columns, value -> parts.get(0).rows().apply(property(o, properties.get(0), value)), value -> {
                    List<CodeBlock> values = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        values.addAll(parts.get(i).values().apply(property(o, properties.get(i), value)));
                    }
                    return values;
                }));
    }

    private static CodeBlock property(ObjectType o, ObjectType.Property p, CodeBlock value) {
        return o.record()
                ? CodeBlock.of("$L.$L()", value, p.javaName())
                : CodeBlock.of("$T.value($L, $S)", TABULAR_COLUMNS, value, p.name());
    }
}
