package dev.scorespec.processor.read;

import com.palantir.javapoet.ClassName;
import dev.scorespec.processor.model.Location;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringClassDecl.BatchingDecl;
import dev.scorespec.processor.model.ScoringClassDecl.FrameDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InitDecl;
import dev.scorespec.processor.model.ScoringClassDecl.InputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.Named;
import dev.scorespec.processor.model.ScoringClassDecl.OutputDecl;
import dev.scorespec.processor.model.ScoringClassDecl.ParamDecl;
import dev.scorespec.processor.model.ScoringClassDecl.PinDecl;
import dev.scorespec.processor.model.ScoringClassDecl.RunDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl.Cause;
import dev.scorespec.processor.model.ScoringClassDecl.SampleDecl.Problem;
import dev.scorespec.processor.model.ScoringClassDecl.ServiceDecl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The first layer: reads a scoring class's annotations and types into a {@link ScoringClassDecl}.
 * It judges nothing; the validator does.
 */
public final class ScoringClassReader {

    private final Filer filer;
    private final Elements elements;
    private final JavaTypes types = new JavaTypes(this::componentSamples);

    public ScoringClassReader(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
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
            boolean hasSchema = Annotations.find(method, Annotations.INPUT_SCHEMA)
                            .isPresent()
                    || Annotations.find(method, Annotations.INPUT_SCHEMAS).isPresent()
                    || Annotations.find(method, Annotations.OUTPUT_SCHEMA).isPresent();
            boolean rawHttp = Annotations.find(method, Annotations.RAW_HTTP).isPresent();
            if (hasSchema || rawHttp || method.getSimpleName().contentEquals("run")) {
                runs.add(readRun(method));
            }
        }
        Optional<Location> powerBi = Annotations.find(type, Annotations.SCORING_SERVICE)
                .filter(service -> Annotations.bool(service, "powerBi"))
                .map(service -> new SourceLocation(
                        type, service, Annotations.explicit(service, "powerBi").orElse(null)));
        return new ScoringClassDecl(
                ClassName.get(type),
                SourceLocation.of(type),
                constructible(type),
                inits,
                runs,
                powerBi,
                service(type),
                Annotations.find(type, Annotations.BATCHING).map(batching -> batching(type, batching)));
    }

    private static BatchingDecl batching(TypeElement type, AnnotationMirror batching) {
        return new BatchingDecl(
                Annotations.integer(batching, "maxRows"),
                new SourceLocation(
                        type,
                        batching,
                        Annotations.explicit(batching, "maxRows").orElse(null)),
                Annotations.integer(batching, "maxDelayMs"),
                new SourceLocation(
                        type,
                        batching,
                        Annotations.explicit(batching, "maxDelayMs").orElse(null)),
                SourceLocation.of(type, batching));
    }

    /**
     * The document names of {@code @ScoringService}; a class without the annotation gets the attributes'
     * defaults, read from the annotation type so that they are written in one place.
     */
    private ServiceDecl service(TypeElement type) {
        Optional<AnnotationMirror> service = Annotations.find(type, Annotations.SCORING_SERVICE);
        return new ServiceDecl(
                named(type, service, "title"), named(type, service, "version"), named(type, service, "operationId"));
    }

    private Named named(TypeElement type, Optional<AnnotationMirror> service, String attribute) {
        if (service.isPresent()) {
            AnnotationMirror mirror = service.get();
            return new Named(
                    Annotations.string(mirror, attribute),
                    new SourceLocation(
                            type,
                            mirror,
                            Annotations.explicit(mirror, attribute).orElse(null)));
        }
        TypeElement annotation = elements.getTypeElement(Annotations.SCORING_SERVICE);
        String value = ElementFilter.methodsIn(annotation.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(attribute))
                .map(m -> (String) m.getDefaultValue().getValue())
                .findFirst()
                .orElseThrow();
        return new Named(value, SourceLocation.of(type));
    }

    private static boolean constructible(TypeElement type) {
        // A record is constructible too when it has no components: its canonical constructor takes no parameter.
        if (type.getModifiers().contains(Modifier.ABSTRACT)
                || (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD)) {
            return false;
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)
                    || (t.getNestingKind() == NestingKind.MEMBER
                            && !t.getModifiers().contains(Modifier.STATIC))
                    || t.getNestingKind() == NestingKind.LOCAL
                    || t.getNestingKind() == NestingKind.ANONYMOUS) {
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
        Annotations.find(method, Annotations.INPUT_SCHEMA)
                .ifPresent(input -> inputs.add(readInput(
                        method,
                        input,
                        SourceLocation.of(method, input),
                        new SourceLocation(
                                method,
                                input,
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

    private InputDecl readInput(
            ExecutableElement method, AnnotationMirror input, SourceLocation where, SourceLocation paramWhere) {
        List<SampleDecl> samples = samples(method, input);
        if (where.repeated() >= 0) {
            // Inside a container, the sample's own position is not known to javac's Messager: use the schema's.
            samples = samples.stream().map(s -> s.at(where)).toList();
        }
        return new InputDecl(
                Annotations.string(input, "param"), samples, Annotations.bool(input, "optional"), where, paramWhere);
    }

    private List<SampleDecl> samples(ExecutableElement method, AnnotationMirror schema) {
        List<SampleDecl> samples = new ArrayList<>();
        for (SampleDecl.Kind kind : SampleDecl.Kind.values()) {
            for (AnnotationMirror sample : Annotations.nested(schema, kind.attribute())) {
                samples.add(readSample(
                        kind,
                        sample,
                        new SourceLocation(
                                method,
                                schema,
                                Annotations.explicit(schema, kind.attribute()).orElse(null))));
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
     * Reads one sample annotation ({@code @NdArray}, {@code @Standard}, {@code @DataFrame} or {@code @SparkFrame}) into a
     * {@link SampleDecl} reported at {@code where}; its text comes from {@code sample} or is read from
     * {@code sampleResource}.
     */
    public SampleDecl readSample(SampleDecl.Kind kind, AnnotationMirror sample, SourceLocation where) {
        String inline = Annotations.string(sample, "sample");
        String resource = Annotations.string(sample, "sampleResource");
        // Each kind's own attributes: a switch expression, so that a new kind does not compile until it says.
        KindAttributes own = switch (kind) {
            case NDARRAY ->
                new KindAttributes(
                        Annotations.string(sample, "dtype"),
                        Annotations.bool(sample, "enforceShape"),
                        Optional.empty());
            case STANDARD -> new KindAttributes("", true, Optional.empty());
            case SPARK -> new KindAttributes("", true, Optional.empty(), Annotations.string(sample, "ddl"));
            case DATAFRAME ->
                new KindAttributes("", Annotations.bool(sample, "enforceShape"), Optional.of(frame(sample, resource)));
        };
        String dtype = own.dtype();
        boolean enforceShape = own.enforceShape();
        Optional<FrameDecl> frame = own.frame();
        String ddl = own.ddl();
        if (!inline.isEmpty() && !resource.isEmpty()) {
            return new SampleDecl(
                    kind,
                    "",
                    "sample",
                    Problem.of(Cause.SOURCE, "gives both sample and sampleResource"),
                    dtype,
                    enforceShape,
                    where,
                    frame,
                    ddl);
        }
        if (inline.isEmpty() && resource.isEmpty()) {
            return new SampleDecl(
                    kind,
                    "",
                    "sample",
                    Problem.of(Cause.SOURCE, "gives neither sample nor sampleResource"),
                    dtype,
                    enforceShape,
                    where,
                    frame,
                    ddl);
        }
        if (!inline.isEmpty()) {
            return new SampleDecl(kind, inline, "sample", Optional.empty(), dtype, enforceShape, where, frame, ddl);
        }
        String source = "sampleResource \"" + resource + "\"";
        Optional<byte[]> bytes = readResource(resource);
        if (bytes.isEmpty()) {
            return new SampleDecl(
                    kind,
                    "",
                    source,
                    Problem.of(
                            Cause.SOURCE,
                            "names the resource \"" + resource
                                    + "\", which is not in the class output, source path or class path"),
                    dtype,
                    enforceShape,
                    where,
                    frame,
                    ddl);
        }
        try {
            return new SampleDecl(
                    kind, utf8(bytes.get()), source, Optional.empty(), dtype, enforceShape, where, frame, ddl);
        } catch (NotUtf8 e) {
            return new SampleDecl(
                    kind,
                    "",
                    source,
                    Problem.of(Cause.ENCODING, "names the resource \"" + resource + "\", " + e.getMessage()),
                    dtype,
                    enforceShape,
                    where,
                    frame,
                    ddl);
        }
    }

    /**
     * A resource's text: UTF-8, strictly (a replaced byte would silently change the sample), after the
     * byte order mark that some editors write, which is no part of the JSON.
     */
    static String utf8(byte[] bytes) throws NotUtf8 {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            in.position(3);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8(String.format(
                    "whose byte 0x%02X at offset %d is not UTF-8", bytes[in.position()] & 0xFF, in.position()));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Bytes that do not decode as UTF-8; the message says which, and where. */
    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;

        NotUtf8(String message) {
            super(message);
        }
    }

    /** The attributes only some kinds have: {@code dtype}, {@code enforceShape}, a dataframe's others. */
    private record KindAttributes(String dtype, boolean enforceShape, Optional<FrameDecl> frame, String ddl) {
        KindAttributes(String dtype, boolean enforceShape, Optional<FrameDecl> frame) {
            this(dtype, enforceShape, frame, "");
        }
    }

    /** The attributes of a {@code @DataFrame} besides its sample; enum constants by name. */
    private static FrameDecl frame(AnnotationMirror sample, String resource) {
        List<PinDecl> pins = new ArrayList<>();
        for (AnnotationMirror pin : Annotations.nested(sample, "columns")) {
            pins.add(new PinDecl(Annotations.string(pin, "name"), constant(Annotations.value(pin, "type"))));
        }
        return new FrameDecl(
                constant(Annotations.value(sample, "orient")),
                pins,
                Annotations.bool(sample, "enforceColumnType"),
                resource.toLowerCase(Locale.ROOT).endsWith(".csv"));
    }

    /** The name of an enum constant given as an annotation value. */
    private static String constant(Object value) {
        return value instanceof VariableElement constant
                ? constant.getSimpleName().toString()
                : String.valueOf(value);
    }

    /**
     * Reads a sample resource through the Filer: from the class output first (Maven copies
     * {@code src/main/resources} there before compiling), then the source path and class path.
     */
    private Optional<byte[]> readResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        for (StandardLocation location :
                List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
            try {
                FileObject file = filer.getResource(location, "", path);
                try (var in = file.openInputStream()) {
                    return Optional.of(in.readAllBytes());
                }
            } catch (IOException | IllegalArgumentException e) {
                // Not in this location; try the next one.
            }
        }
        return Optional.empty();
    }
}
