package dev.scorespec.processor.read;

import dev.scorespec.processor.model.Location;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A {@link Location} backed by {@code javax.lang.model}: the element, and when known the annotation
 * and the annotation value to underline.
 */
public record SourceLocation(Element element, AnnotationMirror annotation, AnnotationValue value, int repeated)
        implements Location {

    public SourceLocation(Element element, AnnotationMirror annotation, AnnotationValue value) {
        this(element, annotation, value, -1);
    }

    /** The {@code index}-th of the repeated {@code @InputSchema} annotations of a method. */
    public static SourceLocation repeated(Element method, int index) {
        return new SourceLocation(method, null, null, index);
    }

    public static SourceLocation of(Element element) {
        return new SourceLocation(element, null, null);
    }

    public static SourceLocation of(Element element, AnnotationMirror annotation) {
        return new SourceLocation(element, annotation, null);
    }
}
