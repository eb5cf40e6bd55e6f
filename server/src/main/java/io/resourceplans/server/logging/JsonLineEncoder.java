package io.resourceplans.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.resourceplans.server.grpc.CallScope;
import io.resourceplans.server.json.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * {@code --log-format=json}: one JSON object per line, fields {@code time} (UTC, ISO-8601),
 * {@code level}, {@code logger}, {@code thread}, {@code message}, then the MDC, the fields of the
 * API call being served ({@code correlation_id}, {@code method}, {@code account_id}, {@code
 * principal}, from its {@link CallScope}), the event's
 * key-value pairs (the access log's), and {@code error}: an exception as classes and SQL states on
 * one line, as in the text format, never its message or stack trace (messages can hold SQL, values
 * or secrets). Written here rather than with Logback's JsonEncoder (fixed nested field names,
 * exception messages and stack traces) or logstash-logback-encoder (Jackson, 2 MB, start time).
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
  private final OneLineThrowableConverter throwables = new OneLineThrowableConverter();

  @Override
  public void start() {
    throwables.start();
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder out = new StringBuilder(256);
    out.append('{');
    field(out, "time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp())), true);
    field(out, "level", event.getLevel().toString(), false);
    field(out, "logger", event.getLoggerName(), false);
    field(out, "thread", event.getThreadName(), false);
    field(out, "message", event.getFormattedMessage(), false);
    // Key-value pairs name the event's own facts; they win over MDC fields of the same name.
    Map<String, Object> extra = new LinkedHashMap<>();
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      extra.putAll(mdc);
    }
    // Behind CallAwareAsyncAppender the call's fields are in the MDC; encoded on the thread that
    // logged (a synchronous appender), they are read from the call's scope.
    CallScope.current().ifPresent(scope -> putCall(extra, scope));
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        extra.put(pair.key, pair.value);
      }
    }
    for (Map.Entry<String, Object> e : extra.entrySet()) {
      if (!isReserved(e.getKey())) {
        field(out, e.getKey(), e.getValue(), false);
      }
    }
    String error = throwables.convert(event);
    if (!error.isEmpty()) {
      // " [a.B <- c.D]" in the text format; the brackets are only for reading it on a line.
      field(out, "error", error.substring(2, error.length() - 1), false);
    }
    out.append("}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The fields of an API call's scope, as the JSON lines name them. */
  static void putCall(Map<String, ? super String> fields, CallScope scope) {
    fields.put(CallScope.CORRELATION_ID, scope.correlationId());
    fields.put(CallScope.METHOD, scope.method());
    scope.principal().ifPresent(caller -> {
      fields.put(CallScope.PRINCIPAL, caller.kind().name());
      if (caller.accountId() != null) {
        fields.put(CallScope.ACCOUNT_ID, caller.accountId());
      }
    });
  }

  private static boolean isReserved(String key) {
    return switch (key) {
      case "time", "level", "logger", "thread", "message", "error" -> true;
      default -> false;
    };
  }

  private static void field(StringBuilder out, String key, Object value, boolean first) {
    if (!first) {
      out.append(',');
    }
    JsonStrings.append(out, key);
    out.append(':');
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      out.append(d);
    } else {
      JsonStrings.append(out, value.toString());
    }
  }
}
