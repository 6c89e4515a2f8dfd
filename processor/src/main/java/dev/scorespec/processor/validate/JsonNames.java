package dev.scorespec.processor.validate;

import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the components of every record {@code run} takes or returns have distinct JSON keys, which
 * {@code @JsonName} could make equal. Done before the samples are read: a sample object cannot hold a key
 * twice, so the kinds would otherwise report a misleading missing key, and a binder could not tell the
 * two components apart.
 */
final class JsonNames {

    private JsonNames() {}

    /** Reports each record with two components of one key; returns whether there was none. */
    static boolean check(RunDecl run, Report report) {
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (ScoringClassDecl.ParamDecl param : run.parameters()) {
            ok &= check(param.type(), seen, report);
        }
        return check(run.returnType(), seen, report) && ok;
    }

    private static boolean check(JavaType type, Set<String> seen, Report report) {
        if (type instanceof JavaType.Array array) {
            return check(array.component(), seen, report);
        }
        if (type instanceof JavaType.Declared declared) {
            boolean ok = true;
            for (JavaType argument : declared.arguments()) {
                ok &= check(argument, seen, report);
            }
            return ok;
        }
        if (!(type instanceof JavaType.Record record) || !seen.add(record.name().canonicalName())) {
            return true;
        }
        boolean ok = true;
        Map<String, JavaType.Component> byKey = new HashMap<>();
        for (JavaType.Component component : record.components()) {
            JavaType.Component first = byKey.putIfAbsent(component.key(), component);
            if (first != null) {
                ok = false;
                // Point at the @JsonName that made the keys equal: the later one's, else the first's.
                JavaType.Component renamed = component.jsonName().isPresent() ? component : first;
                report.error(
                        renamed.jsonName().orElseThrow().where(),
                        Message.JSON_NAME_TWICE,
                        first.name(),
                        component.name(),
                        record.name().simpleName(),
                        component.key(),
                        renamed.name());
            }
            ok &= check(component.type(), seen, report);
        }
        return ok;
    }
}
