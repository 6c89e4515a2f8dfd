package dev.scorespec.processor.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The ScoreSpec annotations by name, read as mirrors: the processor never loads the annotation
 * classes, so it needs no runtime jar on the processor path.
 */
public final class Annotations {

    public static final String PACKAGE = "dev.scorespec.annotations";
    public static final String INPUT_SCHEMA = PACKAGE + ".InputSchema";
    public static final String INPUT_SCHEMAS = PACKAGE + ".InputSchemas";
    public static final String OUTPUT_SCHEMA = PACKAGE + ".OutputSchema";
    public static final String INIT = PACKAGE + ".Init";
    public static final String REQUEST_HEADERS = PACKAGE + ".RequestHeaders";
    public static final String SCORING_SERVICE = PACKAGE + ".ScoringService";
    public static final String RAW_HTTP = PACKAGE + ".RawHttp";
    public static final String JSON_NAME = PACKAGE + ".JsonName";
    public static final String BATCHING = PACKAGE + ".Batching";

    private Annotations() {}

    /** The annotation of the given type on the element, if present. */
    public static Optional<AnnotationMirror> find(Element element, String annotationType) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(annotationType)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The explicit value of an annotation attribute, if the source gives one. */
    public static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The value of an attribute, explicit or default. */
    public static Object value(AnnotationMirror mirror, String attribute) {
        for (ExecutableElement method : ((TypeElement)
                        mirror.getAnnotationType().asElement())
                .getEnclosedElements().stream()
                        .filter(ExecutableElement.class::isInstance)
                        .map(ExecutableElement.class::cast)
                        .toList()) {
            if (method.getSimpleName().contentEquals(attribute)) {
                AnnotationValue v = explicit(mirror, attribute).orElse(method.getDefaultValue());
                return v == null ? null : v.getValue();
            }
        }
        throw new IllegalArgumentException("No attribute " + attribute + " in " + mirror);
    }

    public static String string(AnnotationMirror mirror, String attribute) {
        return (String) value(mirror, attribute);
    }

    public static int integer(AnnotationMirror mirror, String attribute) {
        return (Integer) value(mirror, attribute);
    }

    public static boolean bool(AnnotationMirror mirror, String attribute) {
        return (Boolean) value(mirror, attribute);
    }

    /** The elements of an array attribute, as annotation values (positions included). */
    public static List<AnnotationValue> values(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(AnnotationValue.class::cast).toList();
    }

    /** The annotations inside an annotation-array attribute such as {@code ndarray = @NdArray(...)}. */
    public static List<AnnotationMirror> nested(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(v -> ((AnnotationValue) v).getValue())
                .filter(AnnotationMirror.class::isInstance)
                .map(AnnotationMirror.class::cast)
                .toList();
    }
}
