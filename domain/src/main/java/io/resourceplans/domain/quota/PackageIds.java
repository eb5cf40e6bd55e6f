package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Package IDs in the console's style ({@code U1A1906171957076}): "U1", a purpose letter (A
 * verification/notification, B marketing, G general), the purchase date (yyMMdd, UTC) and ten
 * random characters of [0-9A-Z] (about 51 bits), so they are readable, unique and not guessable.
 */
public final class PackageIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

  private PackageIds() {}

  public static String next(Purpose purpose, Instant purchaseTime) {
    StringBuilder id = new StringBuilder("U1").append(letter(purpose)).append(DATE.format(purchaseTime));
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  private static char letter(Purpose purpose) {
    return switch (purpose) {
      case VERIFICATION_NOTIFICATION -> 'A';
      case MARKETING -> 'B';
      case GENERAL -> 'G';
    };
  }
}
