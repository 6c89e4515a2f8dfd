package dev.scorespec.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.scorespec.processor.model.JavaType;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads type mirrors into {@link JavaType}s, record components with their sample annotations. */
final class JavaTypes {

    /** Reads the sample annotations of a record component. */
    private final Function<RecordComponentElement, List<SampleDecl>> componentSamples;

    JavaTypes(Function<RecordComponentElement, List<SampleDecl>> componentSamples) {
        this.componentSamples = componentSamples;
    }

    /**
     * Whether the type, or any type inside it (record components included), is not resolved yet: made
     * by a later round, or missing.
     */
    static boolean hasErrors(TypeMirror type) {
        return hasErrors(type, new HashSet<>());
    }

    private static boolean hasErrors(TypeMirror type, Set<String> recordsSeen) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> hasErrors(((ArrayType) type).getComponentType(), recordsSeen);
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                if (declared.getTypeArguments().stream().anyMatch(t -> hasErrors(t, recordsSeen))) {
                    yield true;
                }
                yield element.getKind() == ElementKind.RECORD
                        && recordsSeen.add(element.getQualifiedName().toString())
                        && element.getRecordComponents().stream().anyMatch(c -> hasErrors(c.asType(), recordsSeen));
            }
            default -> false;
        };
    }

    JavaType read(TypeMirror type) {
        return read(type, new HashSet<>());
    }

    private JavaType read(TypeMirror type, Set<String> recordsInProgress) {
        TypeName name = TypeName.get(type);
        if (type.getKind().isPrimitive()) {
            return new JavaType.Primitive(name);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return new JavaType.Array(name, read(((ArrayType) type).getComponentType(), recordsInProgress));
        }
        if (type.getKind() == TypeKind.VOID) {
            return new JavaType.Primitive(TypeName.VOID);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return new JavaType.Unsupported(
                    name, "a " + type.getKind().toString().toLowerCase(Locale.ROOT) + " type");
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String qualified = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.RECORD) {
            if (!recordsInProgress.add(qualified)) {
                return new JavaType.Unsupported(name, "a record that contains itself");
            }
            List<JavaType.Component> components = new ArrayList<>();
            for (RecordComponentElement component : element.getRecordComponents()) {
                components.add(new JavaType.Component(
                        component.getSimpleName().toString(),
                        jsonName(component),
                        read(component.asType(), recordsInProgress),
                        componentSamples.apply(component),
                        SourceLocation.of(component)));
            }
            recordsInProgress.remove(qualified);
            return new JavaType.Record(
                    ClassName.get(element),
                    components,
                    accessible(element),
                    !element.getTypeParameters().isEmpty());
        }
        List<JavaType> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
            arguments.add(read(argument, recordsInProgress));
        }
        return new JavaType.Declared(name, qualified, arguments);
    }

    /** The key of a {@code @JsonName} on the component, reported at its value. */
    private static Optional<ScoringClassDecl.Named> jsonName(RecordComponentElement component) {
        return Annotations.find(component, Annotations.JSON_NAME)
                .map(annotation -> new ScoringClassDecl.Named(
                        Annotations.string(annotation, "value"),
                        new SourceLocation(
                                component,
                                annotation,
                                Annotations.explicit(annotation, "value").orElse(null))));
    }

    /** Whether code in another class of the same package can name and construct the type. */
    private static boolean accessible(TypeElement element) {
        for (javax.lang.model.element.Element e = element; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }
}
