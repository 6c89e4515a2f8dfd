package dev.scorespec.runtime.logging;

import java.util.Locale;
import java.util.Optional;

/**
 * How the runtime's default logging writes its lines ({@code --log-format}, {@code SCORESPEC_LOG_FORMAT}).
 * The choice must be known before the first line is logged, when logback configures itself: the launcher
 * records the flag in the system property {@link #PROPERTY}; an embedded server reads the environment
 * variable.
 */
public enum LogFormat {
    /** One line per event: time, level, thread, logger, message. */
    PLAIN,
    /** One JSON object per line. */
    JSON;

    /** The system property the launcher sets from the command line. */
    public static final String PROPERTY = "scorespec.log.format";
    /** The environment variable, read when the property is not set. */
    public static final String ENV = "SCORESPEC_LOG_FORMAT";

    /** {@code plain} or {@code json}, in any case; empty for anything else. */
    public static Optional<LogFormat> parse(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (LogFormat f : values()) {
            if (f.name().equals(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format chosen by {@link #PROPERTY}, else by {@link #ENV}; plain when neither names one. */
    public static LogFormat selected() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return value == null ? PLAIN : parse(value).orElse(PLAIN);
    }

    /** Records the choice for the default logging; call before the first line is logged. */
    public static void select(LogFormat format) {
        System.setProperty(PROPERTY, format.name().toLowerCase(Locale.ROOT));
    }
}
