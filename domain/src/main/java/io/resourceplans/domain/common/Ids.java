package io.resourceplans.domain.common;

import java.security.SecureRandom;

/**
 * Resource IDs: a short type prefix and 16 random characters of [0-9a-z] (about 82 bits), so IDs
 * are readable, unique in practice and not guessable. (rp_new_id in R__usage_functions.sql makes
 * the same for rows the database names itself.)
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int LENGTH = 16;
  /** The largest multiple of 36 in a byte: bytes from here on are drawn again, so no character is likelier. */
  private static final int UNBIASED_BELOW = 252;

  private Ids() {}

  public static String newId(String prefix) {
    // One draw of the shared generator per ID (not one per character): every draw takes its lock,
    // and every RecordUsage names a new record.
    byte[] bytes = new byte[LENGTH + 8];
    RANDOM.nextBytes(bytes);
    StringBuilder id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('-');
    int next = 0;
    while (id.length() < prefix.length() + 1 + LENGTH) {
      if (next == bytes.length) {
        RANDOM.nextBytes(bytes);
        next = 0;
      }
      int b = bytes[next++] & 0xff;
      if (b < UNBIASED_BELOW) {
        id.append(ALPHABET[b % ALPHABET.length]);
      }
    }
    return id.toString();
  }
}
