package io.resourceplans.domain.common;

import java.security.SecureRandom;

/**
 * Resource IDs: a short type prefix and 16 random characters of [0-9a-z] (about 82 bits), so IDs
 * are readable, unique in practice and not guessable.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int LENGTH = 16;

  private Ids() {}

  public static String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('-');
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
