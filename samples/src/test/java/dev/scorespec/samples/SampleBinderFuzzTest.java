package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.BodyKind;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The samples' generated binders, as the server finds them, fed arbitrary bytes as the request body:
 * each body is bound or refused with a {@link BindingException} that has a message. Anything else
 * thrown is a finding. The first byte picks the binder (in the order of their scoring classes' names),
 * the rest is the body. {@code mvn verify} fuzzes this from the corpus in
 * {@code SampleBinderFuzzTestInputs/bindsOrRefuses}.
 */
class SampleBinderFuzzTest {

    /** The JSON binders; a raw-HTTP binder's bind hands the request over as it is. */
    @SuppressWarnings("rawtypes")
    private static final List<ScoringBinder> BINDERS = ServiceLoader.load(ScoringBinder.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(binder -> binder.bodyKind() != BodyKind.RAW_HTTP)
            .sorted(Comparator.comparing(ScoringBinder::scoringClass))
            .map(ScoringBinder.class::cast)
            .toList();

    @FuzzTest(maxDuration = "15s")
    void bindsOrRefuses(byte[] input) throws Exception {
        ScoringBinder<?, ?> binder = BINDERS.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % BINDERS.size());
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        try {
            binder.bind(ScoringRequest.of("POST", "/score", Map.of("content-type", "application/json"), body));
        } catch (BindingException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), binder.scoringClass());
        }
    }
}
