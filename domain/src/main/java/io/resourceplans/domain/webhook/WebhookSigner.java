package io.resourceplans.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme (docs/webhooks.md): header {@value #HEADER} =
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, one {@code v1} per
 * signing secret. The key is the secret string's UTF-8 bytes, prefix included.
 */
public final class WebhookSigner {
  public static final String HEADER = "Resource-Plans-Signature";
  public static final String SECRET_PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** A new secret: {@code whsec_} and 32 random bytes, base64url without padding. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header's value for a body sent at {@code unixSeconds}, signed with each secret in order. */
  public static String header(long unixSeconds, List<String> secrets, String body) {
    StringBuilder h = new StringBuilder("t=").append(unixSeconds);
    for (String secret : secrets) {
      h.append(",v1=").append(sign(secret, unixSeconds, body));
    }
    return h.toString();
  }

  /** Hex HMAC-SHA256 of {@code t + "." + body} under the secret. */
  public static String sign(String secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
