package dev.scorespec.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import java.util.Set;

/** How generated code names things, and the default values of its locals. */
public final class BinderNames {

    private BinderNames() {}

    /** A Java identifier for a JSON name: letters and digits kept, others dropped, keywords avoided. */
    public static String javaName(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            } else {
                upperNext = out.length() > 0;
            }
        }
        String id = out.length() == 0 ? "value" : out.toString();
        if (!Character.isJavaIdentifierStart(id.charAt(0))) {
            id = "_" + id;
        }
        return javax.lang.model.SourceVersion.isKeyword(id)
                        || Set.of("json", "name", "map", "items", "request", "out")
                                .contains(id)
                ? id + "Value"
                : id;
    }

    public static String upper(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A constant's name for a context: {@code inputData} as {@code INPUT_DATA}. */
    public static String constantName(String context) {
        return context.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** What a local of this type holds before the value is read. */
    public static CodeBlock defaultValue(TypeName type) {
        if (type.equals(TypeName.BOOLEAN)) {
            return CodeBlock.of("false");
        }
        return type.isPrimitive() ? CodeBlock.of("0") : CodeBlock.of("null");
    }
}
