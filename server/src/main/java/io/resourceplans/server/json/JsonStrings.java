package io.resourceplans.server.json;

/**
 * JSON string literals (RFC 8259), for the little JSON the server writes by hand: log lines and
 * the SMS gateway's request body. Quotes, backslashes and every control character are escaped, and
 * U+2028/U+2029 too (legal JSON, but they end lines in JavaScript readers).
 */
public final class JsonStrings {
  private JsonStrings() {}

  /** {@code s} as a quoted JSON string. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    append(out, s);
    return out.toString();
  }

  /** Appends {@code s} as a quoted JSON string. */
  public static void append(StringBuilder out, String s) {
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
