package dev.scorespec.processor;

import static dev.scorespec.processor.BinderTest.bind;
import static dev.scorespec.processor.BinderTest.binder;
import static dev.scorespec.processor.BinderTest.reject;
import static dev.scorespec.processor.DiagnosticsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.NDArray;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The two samples on which the processor and the runtime once disagreed. Both now read samples and
 * requests with the codecs of the annotations artifact: what compiles is what the server accepts.
 */
class SharedCodecsTest {

    /** numpy prints {@code np.timedelta64(2, 'W')} as {@code "2 weeks"}, and requests may carry it. */
    @Test
    void aTimedeltaSampleInWeeksCompilesAndBinds() throws Exception {
        var binder = binder("Weeks", """
                public final class Weeks {
                    @InputSchema(param = "data", ndarray = @NdArray(dtype = "timedelta64", sample = "[\\"2 weeks\\", \\"-3 days\\"]"))
                    @OutputSchema(standard = @Standard(sample = "0"))
                    public int run(NDArray data) { return 0; }
                }
                """);
        Record arguments = bind(binder, "{\"data\": [\"2 weeks\", \"-3 days\"]}");
        NDArray data = (NDArray)
                arguments.getClass().getRecordComponents()[0].getAccessor().invoke(arguments);
        assertArrayEquals(new Duration[] {Duration.ofDays(14), Duration.ofDays(-3)}, data.timedeltas());
    }

    /**
     * {@code "QR=="} sets bits that the last group does not use: lenient decoders read it as {@code "QQ=="}
     * ("A"), but it is not the base64 of any bytes (RFC 4648 section 3.5), and the runtime refuses it. A
     * document whose example the server refuses would be wrong, so the sample is an error that says so.
     */
    @Test
    void aNonCanonicalBase64SampleIsAnErrorWithItsFix() throws Exception {
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", standard = @Standard(sample = "\\"QR==\\""))
                    public int run(byte[] data) { return 0; }
                }
                """,
                "SS144",
                "The sample for 'data' does not fit byte[]: the sample is \"QR==\", not canonical base64 "
                        + "text such as \"aGVsbG8=\". Change the sample or the Java type.",
                "@InputSchema");
        assertError(
                """
                public class Bad {
                    @InputSchema(param = "data", ndarray = @NdArray(dtype = "bytes", sample = "[\\"QQ==\\", \\"QR==\\"]"))
                    public int run(NDArray data) { return 0; }
                }
                """,
                "SS144",
                "The sample for 'data' does not fit dev.scorespec.runtime.NDArray (dtype bytes): [1] is \"QR==\", not canonical "
                        + "base64 text such as \"aGVsbG8=\". Change the sample or the Java type.",
                "@InputSchema");

        var binder = binder("Canonical", """
                public final class Canonical {
                    @InputSchema(param = "data", standard = @Standard(sample = "\\"QQ==\\""))
                    @OutputSchema(standard = @Standard(sample = "0"))
                    public int run(byte[] data) { return 0; }
                }
                """);
        assertTrue(reject(binder, "{\"data\": \"QR==\"}").contains("expected base64 text, got \"QR==\""));
    }
}
