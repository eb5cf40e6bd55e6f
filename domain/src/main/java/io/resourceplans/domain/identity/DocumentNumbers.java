package io.resourceplans.domain.identity;

/**
 * Identity document numbers are personal data: the service keeps and shows only a masked form, in
 * which every character but the last four is {@code *} (enough for a person to recognise their
 * own document, too little to use it). The number itself is never stored, hashed or logged: an
 * unkeyed hash of a short, structured number would be reversed by trying candidates.
 */
public final class DocumentNumbers {
  static final int VISIBLE_SUFFIX = 4;

  private DocumentNumbers() {}

  public static String mask(String documentNumber) {
    int hidden = Math.max(0, documentNumber.length() - VISIBLE_SUFFIX);
    return "*".repeat(hidden) + documentNumber.substring(hidden);
  }
}
