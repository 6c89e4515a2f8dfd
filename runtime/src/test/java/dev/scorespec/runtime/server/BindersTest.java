package dev.scorespec.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.binding.ScoringBinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing the binder to serve. */
class BindersTest {

    private static final ClassLoader TEST_LOADER = BindersTest.class.getClassLoader();

    @Test
    void theOnlyBinderIsTaken() throws Exception {
        TestBinders.Sum sum = new TestBinders.Sum();
        assertSame(sum, Binders.select(List.of(sum), Optional.empty()));
    }

    @Test
    void aNestedScoringClassIsChosenByItsBinaryOrItsSourceName() throws Exception {
        TestBinders.EchoText nested = new TestBinders.EchoText() {
            @Override
            public String scoringClass() {
                return "test.Outer$EchoText";
            }
        };
        TestBinders.Sum sum = new TestBinders.Sum();
        assertSame(nested, Binders.select(List.of(sum, nested), Optional.of("test.Outer$EchoText")));
        assertSame(nested, Binders.select(List.of(sum, nested), Optional.of("test.Outer.EchoText")));
        assertThrows(
                ServerStartException.class, () -> Binders.select(List.of(sum, nested), Optional.of("test.EchoText")));
    }

    @Test
    void theConfiguredBinderIsTaken() throws Exception {
        TestBinders.Sum sum = new TestBinders.Sum();
        TestBinders.EchoText echo = new TestBinders.EchoText();
        assertSame(echo, Binders.select(List.of(sum, echo), Optional.of("test.EchoText")));
        assertSame(sum, Binders.select(List.of(sum), Optional.of("test.SumScore")));
    }

    @Test
    void noBinderIsAnError() {
        String m = assertThrows(ServerStartException.class, () -> Binders.select(List.of(), Optional.empty()))
                .getMessage();
        assertTrue(m.startsWith("No scoring binder is on the class path"), m);
        assertTrue(m.contains("META-INF/services/dev.scorespec.runtime.binding.ScoringBinder"), m);
        // the likely cause and the fix (issue 11): an unversioned maven-compiler-plugin ignores the processor path
        assertTrue(m.contains("maven-compiler-plugin 3.5 or later"), m);
        assertTrue(m.contains("<annotationProcessorPaths>"), m);
        assertTrue(m.contains("3.1 on Maven 3.8.7"), m);
        assertTrue(m.contains("give maven-compiler-plugin a version"), m);
        String chosen = assertThrows(
                        ServerStartException.class, () -> Binders.select(List.of(), Optional.of("com.example.Ridge")))
                .getMessage();
        assertTrue(chosen.contains(Binders.PROCESSOR_DID_NOT_RUN), chosen);
    }

    @Test
    void severalBindersWithoutAChoiceIsAnErrorListingThem() {
        List<ScoringBinder<?, ?>> binders = List.of(new TestBinders.Sum(), new TestBinders.EchoText());
        String m = assertThrows(ServerStartException.class, () -> Binders.select(binders, Optional.empty()))
                .getMessage();
        assertEquals(
                "Several scoring classes are on the class path: test.EchoText, test.SumScore. "
                        + "Choose one with --scoring-class or SCORESPEC_SCORING_CLASS.",
                m);
    }

    @Test
    void aChoiceThatIsNotThereIsAnErrorListingWhatIs() {
        List<ScoringBinder<?, ?>> binders = List.of(new TestBinders.Sum(), new TestBinders.EchoText());
        String m = assertThrows(ServerStartException.class, () -> Binders.select(binders, Optional.of("test.Missing")))
                .getMessage();
        assertEquals(
                "The scoring class test.Missing was asked for, but the scoring classes on the class path are: "
                        + "test.EchoText, test.SumScore.",
                m);
        m = assertThrows(
                        ServerStartException.class,
                        () -> Binders.select(List.of(new TestBinders.Sum()), Optional.of("test.Missing")))
                .getMessage();
        assertTrue(m.contains("test.SumScore"), m);
        m = assertThrows(ServerStartException.class, () -> Binders.select(List.of(), Optional.of("test.Missing")))
                .getMessage();
        assertTrue(m.contains("no scoring binder is on the class path"), m);
    }

    @Test
    void twoBindersForOneClassIsAnError() {
        List<ScoringBinder<?, ?>> binders = List.of(new TestBinders.Sum(), new TestBinders.Sum());
        String m = assertThrows(ServerStartException.class, () -> Binders.select(binders, Optional.of("test.SumScore")))
                .getMessage();
        assertTrue(m.startsWith("The scoring class test.SumScore has 2 binders"), m);
    }

    @Test
    void serviceLoaderFindsTheTestBinders() {
        String m = assertThrows(ServerStartException.class, () -> Binders.load(TEST_LOADER, Optional.empty()))
                .getMessage();
        assertEquals(
                "Several scoring classes are on the class path: test.EchoText, test.FailingInit, test.SumScore. "
                        + "Choose one with --scoring-class or SCORESPEC_SCORING_CLASS.",
                m);
    }

    @Test
    void serviceLoaderSelectsByConfiguration() throws Exception {
        assertInstanceOf(TestBinders.EchoText.class, Binders.load(TEST_LOADER, Optional.of("test.EchoText")));
        assertInstanceOf(TestBinders.Sum.class, Binders.load(TEST_LOADER, Optional.of("test.SumScore")));
    }

    @Test
    void serviceLoaderWithNothingListed() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            String m = assertThrows(ServerStartException.class, () -> Binders.load(empty, Optional.empty()))
                    .getMessage();
            assertTrue(m.startsWith("No scoring binder is on the class path"), m);
        }
    }
}
