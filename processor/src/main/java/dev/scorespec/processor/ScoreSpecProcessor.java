package dev.scorespec.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.scorespec.annotations.internal.OpenApiVersion;
import dev.scorespec.annotations.internal.OpenInferenceResource;
import dev.scorespec.annotations.internal.ScoringResource;
import dev.scorespec.processor.PhaseTimes.Step;
import dev.scorespec.processor.emit.BinderEmitter;
import dev.scorespec.processor.emit.OpenInferenceMetadata;
import dev.scorespec.processor.emit.ScoringResourceText;
import dev.scorespec.processor.emit.ServiceDocuments;
import dev.scorespec.processor.emit.ServiceInfo;
import dev.scorespec.processor.model.ScoringClassDecl;
import dev.scorespec.processor.model.ScoringSpec;
import dev.scorespec.processor.read.Annotations;
import dev.scorespec.processor.read.ScoringClassReader;
import dev.scorespec.processor.read.SourceLocation;
import dev.scorespec.processor.validate.Diagnostic;
import dev.scorespec.processor.validate.Message;
import dev.scorespec.processor.validate.OpenInferenceNames;
import dev.scorespec.processor.validate.Report;
import dev.scorespec.processor.validate.ScoringClassValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Finds scoring classes and hands each to the three layers: {@link ScoringClassReader} reads it,
 * {@link ScoringClassValidator} checks it, the emitters write its binder and documents. One bad class
 * is reported and skipped; the others are still processed. Nothing is thrown out of {@link #process}.
 *
 * <p>The processor is aggregating: the {@code ServiceLoader} file lists the binders of every scoring
 * class in the compilation, and is written once, when the last round is over.
 */
@AutoService(Processor.class)
public final class ScoreSpecProcessor extends AbstractProcessor {

    static final String SERVICE_FILE = "META-INF/services/dev.scorespec.runtime.binding.ScoringBinder";

    /** Binders written so far, by name, with the scoring class each came from. */
    private final Map<String, TypeElement> binders = new TreeMap<>();
    /** Classes whose types were not complete yet, retried in the next round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Per-phase CPU times, when {@code -Ascorespec.phaseTimes} asks for them. */
    private PhaseTimes times;

    /** The annotations that mark a scoring class, on it or on its methods. */
    private static final List<String> SCORING_ANNOTATIONS = List.of(
            Annotations.INPUT_SCHEMA,
            Annotations.INPUT_SCHEMAS,
            Annotations.OUTPUT_SCHEMA,
            Annotations.SCORING_SERVICE,
            Annotations.INIT,
            Annotations.RAW_HTTP,
            Annotations.BATCHING);

    /**
     * Every source, not only those with a scoring annotation where processing sees it: an annotation on a
     * local or anonymous class is invisible to the round, and must still be reported ({@link LocalClasses}).
     * The processor claims nothing, so other processors still see every annotation.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PhaseTimes.OPTION);
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        times = PhaseTimes.of(processingEnv);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (round.processingOver()) {
                // Before scoringClasses(round), which takes the deferred classes for another try.
                for (String name : deferred) {
                    TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                    error(type, Message.UNRESOLVED.format(name, "some types never resolved"));
                }
                writeServiceFile();
                return false;
            }
            times.start(Step.FIND);
            Set<TypeElement> classes;
            try {
                classes = scoringClasses(round);
            } finally {
                times.end(Step.FIND);
            }
            for (TypeElement type : classes) {
                process(type);
            }
            times.start(Step.LOCAL_CLASSES);
            try {
                for (Element root : round.getRootElements()) {
                    LocalClasses.report(processingEnv, root);
                }
            } finally {
                times.end(Step.LOCAL_CLASSES);
            }
        } catch (RuntimeException | Error e) {
            processingEnv
                    .getMessager()
                    .printMessage(Kind.ERROR, Message.UNEXPECTED.format("this compilation", stackTrace(e)));
        }
        return false;
    }

    /** The classes that carry a ScoreSpec annotation in this round, plus those deferred from the last. */
    private Set<TypeElement> scoringClasses(RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (String name : List.copyOf(deferred)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                classes.add(type);
            }
        }
        deferred.clear();
        for (String annotation : SCORING_ANNOTATIONS) {
            TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
            if (annotationType == null) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotationType)) {
                Element owner = element instanceof TypeElement ? element : element.getEnclosingElement();
                if (owner instanceof TypeElement type) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    private void process(TypeElement type) {
        try {
            if (ScoringClassReader.incomplete(type)) {
                deferred.add(type.getQualifiedName().toString());
                return;
            }
            times.start(Step.READ);
            ScoringClassDecl decl;
            try {
                decl = new ScoringClassReader(processingEnv.getFiler(), processingEnv.getElementUtils()).read(type);
            } finally {
                times.end(Step.READ);
            }
            Report report = new Report();
            times.start(Step.VALIDATE);
            Optional<ScoringSpec> spec;
            ObjectNode metadata = null;
            try {
                spec = new ScoringClassValidator().validate(decl, report);
                if (spec.isPresent()) {
                    // the protocol's tensor names are the metadata's: checked on the tree the emitters write
                    metadata = OpenInferenceMetadata.document(spec.get());
                    if (!OpenInferenceNames.check(decl, metadata, report)) {
                        spec = Optional.empty();
                    }
                }
            } finally {
                times.end(Step.VALIDATE);
            }
            for (Diagnostic d : report.diagnostics()) {
                report(d);
            }
            if (spec.isPresent()) {
                emit(spec.get(), metadata, type);
            }
        } catch (RuntimeException | Error e) {
            error(type, Message.UNEXPECTED.format(type.getQualifiedName(), stackTrace(e)));
        }
    }

    /** Writes the binder and the resource; {@code metadata} is the class's, built once for all of them. */
    private void emit(ScoringSpec spec, ObjectNode metadata, TypeElement type) {
        times.start(Step.DOCUMENTS);
        Map<String, String> documents;
        try {
            documents = ServiceDocuments.render(spec, ServiceInfo.of(spec), metadata);
        } finally {
            times.end(Step.DOCUMENTS);
        }
        times.start(Step.BINDER_MODEL);
        JavaFile binder;
        try {
            binder = BinderEmitter.emit(spec);
        } finally {
            times.end(Step.BINDER_MODEL);
        }
        String binderName = binder.packageName().isEmpty()
                ? binder.typeSpec().name()
                : binder.packageName() + "." + binder.typeSpec().name();
        try {
            times.start(Step.SOURCE_FILE);
            JavaFileObject source;
            try {
                source = processingEnv.getFiler().createSourceFile(binderName, type);
            } finally {
                times.end(Step.SOURCE_FILE);
            }
            times.start(Step.BINDER_TEXT);
            try (Writer writer = source.openWriter()) {
                binder.writeTo(writer);
            } finally {
                times.end(Step.BINDER_TEXT);
            }
            Map<String, String> members = new LinkedHashMap<>();
            documents.forEach((label, document) ->
                    members.put(OpenApiVersion.forLabel(label).orElseThrow().member(), document));
            if (spec.bodyKind() == ScoringSpec.BodyKind.JSON_PARAMETERS) {
                // a raw request or unchecked JSON text has no tensors: the server says so without metadata
                times.start(Step.INFERENCE_METADATA);
                try {
                    members.put(OpenInferenceResource.MEMBER, OpenInferenceMetadata.render(metadata));
                } finally {
                    times.end(Step.INFERENCE_METADATA);
                }
            }
            writeResource(
                    ScoringResource.of(spec.scoringClass().reflectionName()), ScoringResourceText.of(members), type);
            binders.put(binderName, type);
        } catch (IOException e) {
            error(type, Message.WRITE_FAILED.format("the files of " + type.getQualifiedName(), e.getMessage()));
        }
    }

    /** Lists every binder of this compilation for ServiceLoader; originating elements are all scoring classes. */
    private void writeServiceFile() {
        if (binders.isEmpty()) {
            return;
        }
        StringBuilder text =
                new StringBuilder("# Generated by ScoreSpec: the request binders of this module's scoring classes.\n");
        binders.keySet().forEach(name -> text.append(name).append('\n'));
        try {
            writeResource(SERVICE_FILE, text.toString(), binders.values().toArray(new Element[0]));
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(Kind.ERROR, Message.WRITE_FAILED.format(SERVICE_FILE, e.getMessage()));
        }
    }

    private void writeResource(String path, String content, Element... originating) throws IOException {
        times.start(Step.RESOURCES);
        try {
            FileObject file =
                    processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, originating);
            try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(content);
            }
        } finally {
            times.end(Step.RESOURCES);
        }
    }

    private void report(Diagnostic d) {
        SourceLocation where = (SourceLocation) d.where();
        if (where.repeated() >= 0
                && RepeatedAnnotations.report(processingEnv, d.text(), where.element(), where.repeated())) {
            return;
        }
        if (where.element() instanceof RecordComponentElement component) {
            if (!RecordComponents.report(processingEnv, d.text(), component, where.annotation())) {
                // A record read from a class file has no source to point into; the text names the component.
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), component.getEnclosingElement());
            }
            return;
        }
        if (where.annotation() != null && where.value() != null) {
            processingEnv
                    .getMessager()
                    .printMessage(Kind.ERROR, d.text(), where.element(), where.annotation(), where.value());
        } else if (where.annotation() != null) {
            processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), where.element(), where.annotation());
        } else {
            processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), where.element());
        }
    }

    private void error(Element element, String text) {
        processingEnv.getMessager().printMessage(Kind.ERROR, text, element);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
