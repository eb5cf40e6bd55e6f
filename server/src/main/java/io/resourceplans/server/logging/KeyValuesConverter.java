package io.resourceplans.server.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.resourceplans.server.json.JsonStrings;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's {@code %kv} in the text format: an event's key-value pairs (the access log's fields) as
 * {@code " key=value key=value"}, nothing when it has none; a value with a space or a quote is
 * quoted, so a line splits on spaces.
 */
public final class KeyValuesConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null || pairs.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (KeyValuePair pair : pairs) {
      String value = String.valueOf(pair.value);
      out.append(' ').append(pair.key).append('=');
      if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('"') >= 0) {
        JsonStrings.append(out, value);
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }
}
