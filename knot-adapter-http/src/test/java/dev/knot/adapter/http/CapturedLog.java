package dev.knot.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event from every logger while open, down to DEBUG: the root logger and the loggers that do not pass
 * their events up to it (the test configuration keeps ErrorMapper apart). Closing restores the levels.
 */
public final class CapturedLog implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    public CapturedLog() {
        appender.start();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME) || !logger.isAdditive()) {
                previousLevels.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
                logger.addAppender(appender);
            }
        }
    }

    /** Each event as one line: the message, its arguments and the message of its exception. */
    public List<String> lines() {
        return appender.list.stream()
                .map(event -> event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray()) + " "
                        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                .toList();
    }

    @Override
    public void close() {
        previousLevels.forEach((logger, level) -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
        });
        appender.stop();
    }
}
