package dev.scorespec.processor.read;

import com.palantir.javapoet.ClassName;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringClassDecl.FrameDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InitDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.OutputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.ParamDecl;
import dev.scorespec.processor.model.ScoringClassDecl.PinDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The first layer: reads a scoring class's annotations and types into a {@link ScoringClassDecl}.
 * It judges nothing; the validator does.
 */
public final class ScoringClassReader {

    private final Filer filer;
    private final JavaTypes types = new JavaTypes(this::componentSamples);

    public ScoringClassReader(Filer filer) {
        this.filer = filer;
    }

    /** Whether the class has types that a later round may still generate; such a class is deferred. */
    public static boolean incomplete(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (JavaTypes.hasErrors(method.getReturnType())
                    || method.getParameters().stream().anyMatch(p -> JavaTypes.hasErrors(p.asType()))) {
                return true;
            }
        }
        return false;
    }

    public ScoringClassDecl read(TypeElement type) {
        List<InitDecl> inits = new ArrayList<>();
        List<RunDecl> runs = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Annotations.find(method, Annotations.INIT).ifPresent(init -> inits.add(readInit(method, init)));
            boolean hasSchema = Annotations.find(method, Annotations.INPUT_SCHEMA).isPresent()
                    || Annotations.find(method, Annotations.INPUT_SCHEMAS).isPresent()
                    || Annotations.find(method, Annotations.OUTPUT_SCHEMA).isPresent();
            boolean rawHttp = Annotations.find(method, Annotations.RAW_HTTP).isPresent();
            if (hasSchema || rawHttp || method.getSimpleName().contentEquals("run")) {
                runs.add(readRun(method));
            }
        }
        Optional<Location> powerBi = Annotations.find(type, Annotations.SCORING_SERVICE)
                .filter(service -> Annotations.bool(service, "powerBi"))
                .map(service -> new SourceLocation(type, service, Annotations.explicit(service, "powerBi").orElse(null)));
        return new ScoringClassDecl(ClassName.get(type), SourceLocation.of(type), constructible(type), inits, runs, powerBi);
    }

    private static boolean constructible(TypeElement type) {
        if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind() != ElementKind.CLASS) {
            return false;
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)
                    || (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC))
                    || t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return false;
            }
        }
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }

    private InitDecl readInit(ExecutableElement method, AnnotationMirror init) {
        return new InitDecl(
                method.getSimpleName().toString(),
                SourceLocation.of(method, init),
                method.getParameters().stream().map(p -> types.read(p.asType())).toList(),
                method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID,
                method.getModifiers().contains(Modifier.PRIVATE),
                method.getModifiers().contains(Modifier.STATIC));
    }

    private RunDecl readRun(ExecutableElement method) {
        List<ParamDecl> params = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            params.add(new ParamDecl(
                    p.getSimpleName().toString(),
                    types.read(p.asType()),
                    Annotations.find(p, Annotations.REQUEST_HEADERS).isPresent(),
                    SourceLocation.of(p)));
        }
        List<InputDecl> inputs = new ArrayList<>();
        Annotations.find(method, Annotations.INPUT_SCHEMA).ifPresent(input -> inputs.add(readInput(method, input,
                SourceLocation.of(method, input), new SourceLocation(method, input,
                        Annotations.explicit(input, "param").orElse(null)))));
        // Repeated @InputSchema sit in a container javac made; messages point at each one through it.
        Annotations.find(method, Annotations.INPUT_SCHEMAS).ifPresent(container -> {
            List<AnnotationValue> values = Annotations.values(container, "value");
            for (int i = 0; i < values.size(); i++) {
                AnnotationValue value = values.get(i);
                SourceLocation where = SourceLocation.repeated(method, i);
                inputs.add(readInput(method, (AnnotationMirror) value.getValue(), where, where));
            }
        });
        Optional<OutputDecl> output = Annotations.find(method, Annotations.OUTPUT_SCHEMA)
                .map(o -> new OutputDecl(samples(method, o), SourceLocation.of(method, o)));
        return new RunDecl(
                method.getSimpleName().toString(),
                SourceLocation.of(method),
                method.getModifiers().contains(Modifier.PUBLIC),
                method.getModifiers().contains(Modifier.STATIC),
                params,
                types.read(method.getReturnType()),
                inputs,
                output,
                Annotations.find(method, Annotations.RAW_HTTP).map(raw -> SourceLocation.of(method, raw)));
    }

    private InputDecl readInput(ExecutableElement method, AnnotationMirror input, SourceLocation where, SourceLocation paramWhere) {
        List<SampleDecl> samples = samples(method, input);
        if (where.repeated() >= 0) {
            // Inside a container, the sample's own position is not known to javac's Messager: use the schema's.
            samples = samples.stream().map(s -> s.at(where)).toList();
        }
        return new InputDecl(Annotations.string(input, "param"), samples, Annotations.bool(input, "optional"), where, paramWhere);
    }

    private List<SampleDecl> samples(ExecutableElement method, AnnotationMirror schema) {
        List<SampleDecl> samples = new ArrayList<>();
        for (SampleDecl.Kind kind : SampleDecl.Kind.values()) {
            for (AnnotationMirror sample : Annotations.nested(schema, kind.attribute())) {
                samples.add(readSample(kind, sample,
                        new SourceLocation(method, schema, Annotations.explicit(schema, kind.attribute()).orElse(null))));
            }
        }
        return samples;
    }

    /** The sample annotations on a record component, which describe it when the record is a nested parameter. */
    private List<SampleDecl> componentSamples(RecordComponentElement component) {
        List<SampleDecl> samples = new ArrayList<>();
        for (SampleDecl.Kind kind : SampleDecl.Kind.values()) {
            Annotations.find(component, kind.qualifiedName())
                    .ifPresent(sample -> samples.add(readSample(kind, sample, SourceLocation.of(component, sample))));
        }
        return samples;
    }

    /**
     * Reads one sample annotation ({@code @NdArray}, {@code @Standard} or {@code @DataFrame}) into a
     * {@link SampleDecl} reported at {@code where}; its text comes from {@code sample} or is read from
     * {@code sampleResource}.
     */
    public SampleDecl readSample(SampleDecl.Kind kind, AnnotationMirror sample, SourceLocation where) {
        String inline = Annotations.string(sample, "sample");
        String resource = Annotations.string(sample, "sampleResource");
        // Each kind's own attributes: a switch expression, so that a new kind does not compile until it says.
        KindAttributes own = switch (kind) {
            case NDARRAY -> new KindAttributes(Annotations.string(sample, "dtype"), Annotations.bool(sample, "enforceShape"),
                    Optional.empty());
            case STANDARD -> new KindAttributes("", true, Optional.empty());
            case DATAFRAME -> new KindAttributes("", Annotations.bool(sample, "enforceShape"),
                    Optional.of(frame(sample, resource)));
        };
        String dtype = own.dtype();
        boolean enforceShape = own.enforceShape();
        Optional<FrameDecl> frame = own.frame();
        if (!inline.isEmpty() && !resource.isEmpty()) {
            return new SampleDecl(kind, "", "sample", Optional.of("gives both sample and sampleResource"), dtype,
                    enforceShape, where, frame);
        }
        if (inline.isEmpty() && resource.isEmpty()) {
            return new SampleDecl(kind, "", "sample", Optional.of("gives neither sample nor sampleResource"), dtype,
                    enforceShape, where, frame);
        }
        if (!inline.isEmpty()) {
            return new SampleDecl(kind, inline, "sample", Optional.empty(), dtype, enforceShape, where, frame);
        }
        String source = "sampleResource \"" + resource + "\"";
        return readResource(resource)
                .map(text -> new SampleDecl(kind, text, source, Optional.<String>empty(), dtype, enforceShape, where, frame))
                .orElseGet(() -> new SampleDecl(kind, "", source,
                        Optional.of("names the resource \"" + resource + "\", which is not in the class output, source path or class path"),
                        dtype, enforceShape, where, frame));
    }

    /** The attributes only some kinds have: {@code dtype}, {@code enforceShape}, a dataframe's others. */
    private record KindAttributes(String dtype, boolean enforceShape, Optional<FrameDecl> frame) {
    }

    /** The attributes of a {@code @DataFrame} besides its sample; enum constants by name. */
    private static FrameDecl frame(AnnotationMirror sample, String resource) {
        List<PinDecl> pins = new ArrayList<>();
        for (AnnotationMirror pin : Annotations.nested(sample, "columns")) {
            pins.add(new PinDecl(Annotations.string(pin, "name"), constant(Annotations.value(pin, "type"))));
        }
        return new FrameDecl(constant(Annotations.value(sample, "orient")), pins,
                Annotations.bool(sample, "enforceColumnType"), resource.toLowerCase(Locale.ROOT).endsWith(".csv"));
    }

    /** The name of an enum constant given as an annotation value. */
    private static String constant(Object value) {
        return value instanceof VariableElement constant ? constant.getSimpleName().toString() : String.valueOf(value);
    }

    /**
     * Reads a sample resource through the Filer: from the class output first (Maven copies
     * {@code src/main/resources} there before compiling), then the source path and class path.
     */
    private Optional<String> readResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        for (StandardLocation location : List.of(
                StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
            try {
                FileObject file = filer.getResource(location, "", path);
                try (var in = file.openInputStream()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException | IllegalArgumentException e) {
                // Not in this location; try the next one.
            }
        }
        return Optional.empty();
    }
}
