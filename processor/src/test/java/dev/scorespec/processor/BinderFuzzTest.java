package dev.scorespec.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scorespec.runtime.ScoringRequest;
import dev.scorespec.runtime.binding.BindingException;
import dev.scorespec.runtime.binding.ScoringBinder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The generated binders of {@link SampleKinds} fed arbitrary bytes as the request body: each body is
 * bound or refused with a {@link BindingException} whose message is in our words. Anything else
 * thrown is a finding. The first byte picks the binder, the rest is the body.
 *
 * <p>{@code mvn verify} fuzzes this for a few seconds from the corpus in
 * {@code BinderFuzzTestInputs/bindsOrRefuses}; the README's Fuzzing section says how to run it longer.
 */
class BinderFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void bindsOrRefuses(byte[] input) throws Exception {
        List<ScoringBinder<Object, Object>> binders = SampleKinds.binders();
        int pick = input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % binders.size();
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        bindsOrRefuses(binders.get(pick), body);
    }

    /** Binds {@code body}, or checks the refusal is worded for a client. */
    static void bindsOrRefuses(ScoringBinder<?, ?> binder, byte[] body) throws Exception {
        ScoringRequest request = ScoringRequest.of("POST", "/score", Map.of("content-type", "application/json"), body);
        try {
            binder.bind(request);
        } catch (BindingException e) {
            String message = e.getMessage();
            assertFalse(message == null || message.isBlank(), binder.scoringClass() + ": a refusal without a message");
            // Jackson's own wording names its classes and features, which mean nothing to a client; a
            // message may still quote them from the body.
            String sent = new String(body, StandardCharsets.UTF_8);
            for (String internal : List.of("REDACTED", "Feature", "com.fasterxml", "java.", "Exception")) {
                assertFalse(
                        message.contains(internal) && !sent.contains(internal), binder.scoringClass() + ": " + message);
            }
        }
    }
}
