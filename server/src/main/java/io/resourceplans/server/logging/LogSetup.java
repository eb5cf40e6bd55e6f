package io.resourceplans.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import io.resourceplans.server.config.LogFormat;
import io.resourceplans.server.config.LogLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --log-format}, {@code --log-level} and {@code --access-log} to the logging that
 * ServerLogConfigurator set up, before the server logs anything else.
 */
public final class LogSetup {
  private LogSetup() {}

  public static void apply(LogFormat format, LogLevel level, boolean accessLog) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: its own configuration rules
    }
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level.name()));
    // Its own switch: on, the access log is written even when --log-level is above INFO.
    context.getLogger(AccessLogInterceptor.LOGGER).setLevel(accessLog ? Level.INFO : Level.OFF);
    if (format == LogFormat.JSON) {
      for (OutputStreamAppender<ILoggingEvent> appender : streamAppenders(root)) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
      }
    }
  }

  /** Writes out what the asynchronous appender still holds: the last step of a shutdown. */
  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  /** The stream appenders of the root logger, also those behind an asynchronous one. */
  private static List<OutputStreamAppender<ILoggingEvent>> streamAppenders(ch.qos.logback.classic.Logger root) {
    List<OutputStreamAppender<ILoggingEvent>> found = new ArrayList<>();
    collect(root.iteratorForAppenders(), found);
    return found;
  }

  private static void collect(Iterator<Appender<ILoggingEvent>> appenders, List<OutputStreamAppender<ILoggingEvent>> found) {
    while (appenders.hasNext()) {
      Appender<ILoggingEvent> appender = appenders.next();
      if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
        found.add(stream);
      } else if (appender instanceof AsyncAppenderBase<ILoggingEvent> async) {
        collect(async.iteratorForAppenders(), found);
      }
    }
  }
}
