package io.resourceplans.domain.webhook;

import java.util.List;
import java.util.Map;

/**
 * The JSON of a webhook body, written by hand (the domain has no JSON library): objects of
 * strings, whole numbers, lists of strings and nested objects, in the maps' iteration order.
 * Strings are escaped as RFC 8259 requires (and U+2028/U+2029).
 */
final class WebhookJson {
  private WebhookJson() {}

  static String write(Map<String, ?> object) {
    StringBuilder out = new StringBuilder(256);
    value(out, object);
    return out.toString();
  }

  private static void value(StringBuilder out, Object v) {
    if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Long || v instanceof Integer) {
      out.append(v);
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(out, list.get(i));
      }
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) e.getKey());
        out.append(':');
        value(out, e.getValue());
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("no JSON for " + (v == null ? "null" : v.getClass().getName()));
    }
  }

  private static void string(StringBuilder out, String s) {
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
