package io.resourceplans.domain.marketplace;

import io.resourceplans.domain.common.HmacSha256;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs and verifies login tickets: {@code lt1.<payload>.<mac>}, both base64url, where the payload
 * is "account|ticket|instance|product|expiry micros" and the MAC is HMAC-SHA256 under a key derived
 * from the server's ticket key for the instance's product. A ticket therefore only verifies for its
 * own product, and any changed byte breaks it. Expiry and single use are checked against the
 * database by the caller.
 */
public final class LoginTickets {
  private static final String PREFIX = "lt1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final List<byte[]> serverKeys;

  public LoginTickets(byte[] serverKey) {
    this(List.of(serverKey));
  }

  /**
   * Signs with the first key, verifies with any of them: the others are previous keys, still
   * accepted during a key rotation.
   */
  public LoginTickets(List<byte[]> serverKeys) {
    if (serverKeys.isEmpty() || serverKeys.stream().anyMatch(k -> k.length < 16)) {
      throw new IllegalArgumentException("the ticket key must have at least 16 bytes");
    }
    this.serverKeys = serverKeys.stream().map(byte[]::clone).toList();
  }

  /** What a verified ticket names. */
  public record Claims(String accountId, String ticketId, String instanceId, String productId, Instant expireTime) {}

  public String sign(LoginTicket ticket) {
    long micros = Math.addExact(
        Math.multiplyExact(ticket.expireTime().getEpochSecond(), 1_000_000L), ticket.expireTime().getNano() / 1_000);
    String payload = String.join("|", ticket.accountId(), ticket.ticketId(), ticket.instanceId(), ticket.productId(),
        Long.toString(micros));
    byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
    return PREFIX + B64.encodeToString(payloadBytes) + "." + B64.encodeToString(mac(serverKeys.get(0), ticket.productId(), payloadBytes));
  }

  /**
   * Verifies the signature under the key of {@code productId}; refuses LOGIN_TICKET_INVALID when the
   * ticket is malformed, forged, tampered with or issued for another product.
   */
  public Claims verify(String ticket, String productId) {
    if (ticket == null || !ticket.startsWith(PREFIX)) {
      throw invalid();
    }
    String[] parts = ticket.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 2) {
      throw invalid();
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = Base64.getUrlDecoder().decode(parts[0]);
      mac = Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Constant-time comparison, under every accepted key: the caller learns nothing from how long a
    // wrong MAC took.
    boolean signed = false;
    for (byte[] key : serverKeys) {
      signed |= MessageDigest.isEqual(mac, mac(key, productId, payload));
    }
    if (!signed
        || !B64.encodeToString(payload).equals(parts[0])
        || !B64.encodeToString(mac).equals(parts[1])) {
      throw invalid();
    }
    String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (f.length != 5 || !f[3].equals(productId)) {
      throw invalid();
    }
    try {
      long micros = Long.parseLong(f[4]);
      Instant expire =
          Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
      return new Claims(f[0], f[1], f[2], f[3], expire);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static byte[] mac(byte[] serverKey, String productId, byte[] payload) {
    byte[] productKey = HmacSha256.derive(serverKey, "login-ticket:" + productId);
    return HmacSha256.of(productKey, payload);
  }


  private static DomainException invalid() {
    return new DomainException(
        ErrorCode.LOGIN_TICKET_INVALID,
        "the login ticket is malformed, was not issued by this service or was altered",
        Map.of(),
        List.of(new FieldViolation("ticket", "is not a valid login ticket")));
  }
}
