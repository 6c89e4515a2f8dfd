package dev.scorespec.processor.read;

import dev.scorespec.processor.model.Location;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A {@link Location} backed by {@code javax.lang.model}: the element, and when known the annotation
 * and the annotation value to underline.
 */
public record SourceLocation(Element element, AnnotationMirror annotation, AnnotationValue value) implements Location {

    public static SourceLocation of(Element element) {
        return new SourceLocation(element, null, null);
    }

    public static SourceLocation of(Element element, AnnotationMirror annotation) {
        return new SourceLocation(element, annotation, null);
    }
}
