package io.resourceplans.server.security;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import io.resourceplans.domain.binding.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id (password4j, pure Java) with a 16-byte random salt and a 32-byte hash, kept as a PHC
 * string: {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=1$<salt>$<hash>} (base64 without padding).
 * The cost comes from the server settings; verification reads it from the string, so raising the
 * cost later keeps old hashes valid. (The same bytes as the Bouncy Castle code this replaced: see
 * Argon2PasswordHasherTest.)
 *
 * <p>password4j keeps one Argon2Function per (m, t, p, length) for the life of the JVM, each with
 * an m-KiB array it allocates up front: one such object for the configured cost, and one per other
 * cost found in stored hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final int memoryKib;
  private final int iterations;

  public Argon2PasswordHasher(int memoryKib, int iterations) {
    if (memoryKib < 8 || iterations < 1) {
      throw new IllegalArgumentException("Argon2id needs at least 8 KiB and 1 iteration");
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  @Override
  public String hash(String password) {
    byte[] salt = randomBytes(16);
    return phc(salt, derive(password, salt, memoryKib, iterations, 32));
  }

  /**
   * A random 32-byte tag: the chance that some password derives it is 2^-256. Made without
   * deriving anything, so no start-up spends a hash (and its m KiB) on it.
   */
  @Override
  public String unmatchable() {
    return phc(randomBytes(16), randomBytes(32));
  }

  private String phc(byte[] salt, byte[] tag) {
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(tag);
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  @Override
  public boolean verify(String password, String phc) {
    String[] parts = phc.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      for (String kv : parts[3].split(",")) {
        String[] p = kv.split("=", 2);
        switch (p[0]) {
          case "m" -> m = Integer.parseInt(p[1]);
          case "t" -> t = Integer.parseInt(p[1]);
          case "p" -> {
            if (!p[1].equals("1")) {
              return false;
            }
          }
          default -> {
            return false;
          }
        }
      }
      if (m < 8 || t < 1) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[4]);
      byte[] expected = Base64.getDecoder().decode(parts[5]);
      if (expected.length < 4) { // Argon2's shortest tag
        return false;
      }
      return MessageDigest.isEqual(expected, derive(password, salt, m, t, expected.length));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int length) {
    // Password bytes and salt given directly: the function then reads no psw4j.properties.
    return Argon2Function.getInstance(memoryKib, iterations, 1, length, Argon2.ID, Argon2Function.ARGON2_VERSION_13)
        .hash(password.getBytes(StandardCharsets.UTF_8), salt)
        .getBytes();
  }
}
