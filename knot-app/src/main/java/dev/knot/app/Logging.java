package dev.knot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.knot.app.config.LogLevel;
import org.slf4j.LoggerFactory;

/** Sets the level of knot's logging once the configuration (or --log-level) says what it is. */
public final class Logging {
    private Logging() {}

    public static void setLevel(LogLevel level) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(switch (level) {
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR -> Level.ERROR;
        });
    }
}
