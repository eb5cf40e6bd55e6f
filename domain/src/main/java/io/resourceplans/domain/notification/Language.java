package io.resourceplans.domain.notification;

import java.util.Locale;

/** The language notifications are written in: the seeds' two, English and Simplified Chinese. */
public enum Language {
  EN(Locale.ENGLISH, "en"),
  ZH_CN(Locale.SIMPLIFIED_CHINESE, "zh-CN");

  private final Locale locale;
  private final String tag;

  Language(Locale locale, String tag) {
    this.locale = locale;
    this.tag = tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The BCP 47 tag, e.g. for an email's Content-Language header. */
  public String tag() {
    return tag;
  }

  /** The suffix of template files: {@code en}, {@code zh_cn}. */
  String fileSuffix() {
    return name().toLowerCase(Locale.ROOT);
  }
}
