package io.resourceplans.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API key secrets: {@code rpk.<account_id>.<api_key_id>.<43 random base64url chars>}. The IDs in
 * the token let the server look the key up by account (so key rows stay keyed by account ID); only
 * a SHA-256 hash of the whole token is stored. 256 random bits make a slow hash unnecessary.
 */
public final class ApiKeyToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE =
      Pattern.compile("^rpk\\.(acc-[0-9a-z]{16})\\.(key-[0-9a-z]{16})\\.[A-Za-z0-9_-]{43}$");
  private static final int PREFIX_LENGTH = 8;

  /** The parts of a well-formed token that locate its key row. */
  public record KeyRef(String accountId, String apiKeyId) {}

  private ApiKeyToken() {}

  public static String generate(String accountId, String apiKeyId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String random = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return "rpk." + accountId + "." + apiKeyId + "." + random;
  }

  public static Optional<KeyRef> parse(String token) {
    var matcher = SHAPE.matcher(token);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new KeyRef(matcher.group(1), matcher.group(2)));
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** The first characters of the random part, shown in listings so a person can tell keys apart. */
  public static String displayPrefix(String token) {
    String random = token.substring(token.lastIndexOf('.') + 1);
    return random.substring(0, PREFIX_LENGTH);
  }

  /** Compares in constant time so timing does not reveal how much of a hash matched. */
  public static boolean matches(String token, byte[] storedHash) {
    return MessageDigest.isEqual(hash(token), storedHash);
  }
}
