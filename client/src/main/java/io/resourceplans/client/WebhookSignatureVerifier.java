package io.resourceplans.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the signature of a webhook request (docs/webhooks.md). The header
 * {@value #HEADER} is {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, each {@code v1} being
 * HMAC-SHA256 under one of the endpoint's secrets of {@code t + "." + body}. A request is accepted
 * when {@code t} is within the tolerance (5 minutes by default) of this machine's clock and any
 * {@code v1} matches any of the given secrets (compared in constant time). Verify the body bytes
 * exactly as received, before parsing them; then deduplicate by the event's {@code id}.
 *
 * <pre>{@code
 * WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of(secret));
 * verifier.verify(request.getHeader(WebhookSignatureVerifier.HEADER), rawBody); // throws if not valid
 * }</pre>
 *
 * <p>During a secret rotation pass both the new and the old secret until the overlap ends.
 */
public final class WebhookSignatureVerifier {
  /** The request header carrying the signature. */
  public static final String HEADER = "Resource-Plans-Signature";
  /** How far the signature's timestamp may be from now by default: 5 minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  /**
   * Accepts signatures by any of {@code secrets}, with 5 minutes' tolerance.
   *
   * @param secrets the endpoint's secrets ({@code whsec_...}): one, or the new and the old during a rotation
   */
  public WebhookSignatureVerifier(List<String> secrets) {
    this(secrets, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /**
   * Accepts signatures by any of {@code secrets} whose timestamp is within {@code tolerance} of
   * {@code clock}.
   *
   * @param secrets the endpoint's secrets, at least one
   * @param tolerance how far the signature's timestamp may be from now, either way
   * @param clock this machine's time
   */
  public WebhookSignatureVerifier(List<String> secrets, Duration tolerance, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed");
    }
    this.keys = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** Why a webhook request was refused. */
  public static final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    SignatureException(String message) {
      super(message);
    }
  }

  /**
   * Returns normally when the header signs {@code body} with one of the secrets within the
   * tolerance; throws otherwise (a missing or malformed header, a timestamp too old or too far
   * ahead, or no matching signature).
   *
   * @param header the {@value #HEADER} header's value (null when missing)
   * @param body the request body's bytes, exactly as received
   * @throws SignatureException when the request is not to be trusted; its message says why
   */
  public void verify(String header, byte[] body) throws SignatureException {
    if (header == null || header.isBlank()) {
      throw new SignatureException("no " + HEADER + " header");
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new SignatureException("malformed " + HEADER + " header");
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      try {
        if (key.equals("t")) {
          timestamp = Long.parseLong(value);
        } else if (key.equals("v1")) {
          signatures.add(HexFormat.of().parseHex(value));
        }
      } catch (IllegalArgumentException e) {
        throw new SignatureException("malformed " + HEADER + " header");
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new SignatureException(HEADER + " header lacks t or v1");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
      throw new SignatureException("timestamp outside the tolerance of " + tolerance.toSeconds() + " s");
    }
    for (byte[] key : keys) {
      byte[] expected = hmac(key, timestamp, body);
      for (byte[] signature : signatures) {
        if (MessageDigest.isEqual(expected, signature)) {
          return;
        }
      }
    }
    throw new SignatureException("no signature matches");
  }

  /**
   * As {@link #verify(String, byte[])} for a body given as text (encoded as UTF-8).
   *
   * @param header the {@value #HEADER} header's value
   * @param body the request body
   * @throws SignatureException when the request is not to be trusted
   */
  public void verify(String header, String body) throws SignatureException {
    verify(header, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@link #verify(String, byte[])} would accept the request.
   *
   * @param header the {@value #HEADER} header's value
   * @param body the request body's bytes, exactly as received
   * @return true when the signature verifies within the tolerance
   */
  public boolean isValid(String header, byte[] body) {
    try {
      verify(header, body);
      return true;
    } catch (SignatureException e) {
      return false;
    }
  }

  private static byte[] hmac(byte[] key, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
