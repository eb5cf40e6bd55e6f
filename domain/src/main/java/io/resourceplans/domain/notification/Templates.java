package io.resourceplans.domain.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification texts: one resource per kind and language,
 * {@code notification-templates/<kind>.<language>.txt} (e.g. {@code expiry_reminder.zh_cn.txt}),
 * with the sections {@code [subject]}, {@code [text]}, {@code [html]} and {@code [sms]} (the last
 * two optional: no HTML part, SMS = subject). {@code {{name}}} is replaced by a parameter (escaped
 * in the HTML section); {@code {{label:name}}} by the entry {@code name.<value of name>} of
 * {@code labels.<language>.properties} (purposes, "day"/"days"...). A missing parameter or label
 * is an error, never an empty gap in a message.
 */
public final class Templates {
  private static final String ROOT = "notification-templates/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(label:)?([A-Za-z][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern SECTION = Pattern.compile("^\\[(subject|text|html|sms)]\\s*$", Pattern.MULTILINE);

  /** A notification written out: email subject and bodies, and the SMS text. */
  public record Rendered(String subject, String text, String html, String sms) {}

  private record Template(String subject, String text, String html, String sms) {}

  private final Map<NotificationKind, Map<Language, Template>> templates = new EnumMap<>(NotificationKind.class);
  private final Map<Language, Properties> labels = new EnumMap<>(Language.class);

  private Templates() {}

  /** The templates shipped in the domain jar; every kind must have both languages. */
  public static Templates builtIn() {
    Templates t = new Templates();
    for (Language language : Language.values()) {
      Properties p = new Properties();
      try (Reader r = reader("labels." + language.fileSuffix() + ".properties")) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      t.labels.put(language, p);
    }
    for (NotificationKind kind : NotificationKind.values()) {
      Map<Language, Template> byLanguage = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT) + "." + language.fileSuffix() + ".txt";
        byLanguage.put(language, parse(name, read(name)));
      }
      t.templates.put(kind, byLanguage);
    }
    return t;
  }

  public Rendered render(NotificationKind kind, Language language, Map<String, String> params) {
    Template t = templates.get(kind).get(language);
    Properties l = labels.get(language);
    String subject = fill(t.subject(), params, l, false).strip();
    String text = fill(t.text(), params, l, false).strip();
    String html = t.html() == null ? null : fill(t.html(), params, l, true).strip();
    String sms = t.sms() == null ? subject : fill(t.sms(), params, l, false).strip();
    return new Rendered(subject, text, html, sms);
  }

  private static String fill(String template, Map<String, String> params, Properties labels, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String value = params.get(name);
      if (value == null) {
        throw new IllegalArgumentException("template parameter '" + name + "' is missing");
      }
      if (m.group(1) != null) {
        String label = labels.getProperty(name + "." + value);
        if (label == null) {
          throw new IllegalArgumentException("no label " + name + "." + value);
        }
        value = label;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escapeHtml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Template parse(String name, String source) {
    Map<String, String> sections = new HashMap<>();
    Matcher m = SECTION.matcher(source);
    String current = null;
    int start = 0;
    while (m.find()) {
      if (current != null) {
        sections.put(current, source.substring(start, m.start()));
      }
      current = m.group(1);
      start = m.end();
    }
    if (current != null) {
      sections.put(current, source.substring(start));
    }
    if (!sections.containsKey("subject") || !sections.containsKey("text")) {
      throw new IllegalStateException("template " + name + " needs [subject] and [text] sections");
    }
    return new Template(
        sections.get("subject").strip(), sections.get("text"), sections.get("html"), sections.get("sms"));
  }

  private static String read(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String name) {
    return new InputStreamReader(open(name), StandardCharsets.UTF_8);
  }

  private static InputStream open(String name) {
    InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IllegalStateException("missing notification template resource " + ROOT + name);
    }
    return in;
  }
}
