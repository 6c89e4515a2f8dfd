package dev.scorespec.runtime.server;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The request id in SLF4J's MDC ({@value #KEY}) while code for one request runs, so that every line it logs
 * carries the id: a field of its own in JSON lines. The MDC is per thread, and a request moves between the
 * event loop and a worker, so each step sets it; the value found before is put back afterwards.
 */
final class RequestMdc {

    /** The MDC key. */
    static final String KEY = "request_id";

    private RequestMdc() {}

    static void run(String requestId, Runnable action) {
        call(requestId, () -> {
            action.run();
            return null;
        });
    }

    static <T> T call(String requestId, Supplier<T> action) {
        String before = MDC.get(KEY);
        MDC.put(KEY, requestId);
        try {
            return action.get();
        } finally {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        }
    }
}
