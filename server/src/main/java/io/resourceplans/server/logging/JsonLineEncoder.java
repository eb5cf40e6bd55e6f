package io.resourceplans.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * {@code --log-format=json}: one JSON object per line, fields {@code time} (UTC, ISO-8601),
 * {@code level}, {@code logger}, {@code thread}, {@code message}, then the call's MDC fields
 * ({@code correlation_id}, {@code method}, {@code account_id}, {@code principal}), the event's
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
    string(out, key);
    out.append(':');
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      out.append(d);
    } else {
      string(out, value.toString());
    }
  }

  /** A JSON string: quotes, backslashes and every control character escaped (RFC 8259). */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // U+2028/2029 are legal JSON but break JavaScript line readers; escape them too.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
