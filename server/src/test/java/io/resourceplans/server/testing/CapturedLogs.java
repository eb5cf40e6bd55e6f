package io.resourceplans.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.resourceplans.server.logging.AccessLogInterceptor;
import io.resourceplans.server.logging.JsonLineEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM while open, the access log included (as the server writes it by
 * default), each also rendered, as it is logged, as the JSON line {@code --log-format=json} prints
 * (a superset of the text line: message, key-value pairs, the API call's fields, one-line error).
 */
public final class CapturedLogs implements AutoCloseable {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger access = context.getLogger(AccessLogInterceptor.LOGGER);
  private final Level accessLevel = access.getLevel();
  private final List<ILoggingEvent> events = new ArrayList<>();
  /** Each event's JSON line, encoded when it was logged: on the logging thread, in its call. */
  private final Map<ILoggingEvent, String> lines = new IdentityHashMap<>();
  private final JsonLineEncoder json = new JsonLineEncoder();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing();
          String line = new String(json.encode(event), StandardCharsets.UTF_8).stripTrailing();
          synchronized (events) {
            events.add(event);
            lines.put(event, line);
          }
        }
      };

  public CapturedLogs() {
    json.setContext(context);
    json.start();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    access.setLevel(Level.INFO);
  }

  public List<ILoggingEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public List<ILoggingEvent> events(Predicate<ILoggingEvent> which) {
    return events().stream().filter(which).toList();
  }

  /** The access-log events, in order. */
  public List<ILoggingEvent> accessLog() {
    return events(e -> e.getLoggerName().equals(AccessLogInterceptor.LOGGER));
  }

  /** The JSON line {@code --log-format=json} prints for the event (without its newline). */
  public String json(ILoggingEvent event) {
    synchronized (events) {
      return lines.get(event);
    }
  }

  /** Everything captured, as JSON lines. */
  public List<String> jsonLines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : events()) {
      lines.add(json(event));
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    access.setLevel(accessLevel);
  }
}
