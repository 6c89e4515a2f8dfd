package dev.scorespec.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * When ScoreSpec itself cannot go on (a failure it did not expect, types that never resolve), the
 * compile fails with an error on the scoring class that says so; javac never crashes.
 */
class ProcessorFailureTest {

    private static final String GOOD = """
            public class Good {
                @InputSchema(param = "data", ndarray = @NdArray(sample = "[1.0]"))
                public double run(double[] data) { return 0; }
            }
            """;

    @Test
    void anUnexpectedFailureIsAnErrorOnTheClass() {
        JavaFileObject source = Sources.source("Good", GOOD);
        Compilation compilation = javac().withProcessors(
                        new WithFiler(new ScoreSpecProcessor(), new IllegalStateException("disk on fire")))
                .compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        "[SS100] ScoreSpec failed on test.Good: " + "java.lang.IllegalStateException: disk on fire")
                .inFile(source)
                .onLineContaining("public class Good");
        assertThat(compilation).hadErrorContaining("This is a bug in ScoreSpec; please report it with this class.");
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorOnTheClass() {
        // The user's own class has the binder's name, so the Filer refuses to create the binder.
        JavaFileObject source = Sources.source("Good", GOOD);
        JavaFileObject clash = Sources.source("Good_ScoreSpec", "public class Good_ScoreSpec {}");
        Compilation compilation = Sources.compile(source, clash);
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("[SS102] ScoreSpec could not write the files of test.Good: ")
                .inFile(source)
                .onLineContaining("public class Good");
        assertThat(compilation)
                .hadErrorContaining("rename a class or resource of yours that has one of these names, and check "
                        + "that the build's output folders can be written.");
    }

    @Test
    void typesThatNeverResolveAreAnErrorOnTheClass() {
        JavaFileObject source = Sources.source("Bad", """
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "1.0"))
                    public double run(NoSuchType data) { return 0; }
                }
                """);
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(compilation)
                .hadErrorContaining(
                        "[SS101] ScoreSpec could not resolve the types of test.Bad: some "
                                + "types never resolved. Fix the compile errors above, or make sure the generated types it uses exist.")
                .inFile(source)
                .onLineContaining("public class Bad");
    }

    /**
     * Runs a processor with a {@link Filer} whose source files cannot be created: a failure that
     * ScoreSpec cannot foresee, as a broken build tool's filer might throw.
     */
    private static final class WithFiler extends AbstractProcessor {
        private final AbstractProcessor delegate;
        private final RuntimeException failure;

        WithFiler(AbstractProcessor delegate, RuntimeException failure) {
            this.delegate = delegate;
            this.failure = failure;
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            Filer filer = proxy(Filer.class, (self, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                    throw failure;
                }
                return forward(method, env.getFiler(), args);
            });
            delegate.init(proxy(
                    ProcessingEnvironment.class,
                    (self, method, args) -> method.getName().equals("getFiler") ? filer : forward(method, env, args)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object forward(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
