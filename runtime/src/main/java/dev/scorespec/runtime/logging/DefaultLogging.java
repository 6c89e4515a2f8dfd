package dev.scorespec.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging a service gets when it has logback on its class path and no logback configuration of its own:
 * INFO and above to standard output, one plain line per event, or one JSON object per line with
 * {@link LogFormat#JSON}. logback finds this class through {@code ServiceLoader}
 * ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator}); without logback it is never loaded.
 *
 * <p>logback 1.5 runs the configurators it finds as services before its own ones, whatever their rank, so
 * this one steps aside itself when the user has a configuration: a {@code logback.configurationFile} system
 * property, or a {@code logback-test.xml} or {@code logback.xml} on the class path. logback's own
 * configurator then reads it. The lowest custom rank lets any other custom configurator go first.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    /** The plain line: time with its offset, level, thread, logger, message; a stack trace follows its line. */
    static final String PLAIN_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (userConfigured()) {
            addInfo("A logback configuration of the service's own is present: ScoreSpec's default is not used");
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Encoder<ILoggingEvent> encoder = LogFormat.selected() == LogFormat.JSON ? jsonEncoder() : plainEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("scorespec-console");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> plainEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(PLAIN_PATTERN);
        return encoder;
    }

    /**
     * logback's own JSON lines, trimmed to what a log search needs: {@code timestamp} (epoch milliseconds),
     * {@code level}, {@code threadName}, {@code loggerName}, {@code mdc} (with {@code request_id} on a
     * request's lines), {@code formattedMessage}, and {@code throwable} with its frames.
     */
    private static Encoder<ILoggingEvent> jsonEncoder() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMarkers(false);
        encoder.setWithKVPList(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithTimestamp(true);
        encoder.setWithLevel(true);
        encoder.setWithThreadName(true);
        encoder.setWithLoggerName(true);
        encoder.setWithMDC(true);
        encoder.setWithThrowable(true);
        return encoder;
    }

    /** What logback's own configurator would read, in its order. */
    private static boolean userConfigured() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        for (ClassLoader loader : new ClassLoader[] {
            DefaultLogging.class.getClassLoader(), Thread.currentThread().getContextClassLoader()
        }) {
            if (loader != null
                    && (loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null)) {
                return true;
            }
        }
        return false;
    }
}
