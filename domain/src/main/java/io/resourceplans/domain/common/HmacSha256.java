package io.resourceplans.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256: login tickets, verification-code hashes, keys of unknown log-in names. */
public final class HmacSha256 {
  private HmacSha256() {}

  public static byte[] of(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A key of its own for one use, derived from a server secret and a label naming the use. */
  public static byte[] derive(byte[] secret, String label) {
    return of(secret, label.getBytes(StandardCharsets.UTF_8));
  }
}
