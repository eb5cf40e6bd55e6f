package io.resourceplans.domain.common;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page size and an optional position, decoded from the API's {@code page_size} and
 * {@code page_token}. {@code list} names the query a token belongs to (the list and its filters,
 * as the caller computes it); a token is only accepted by the list that issued it. Tokens are
 * opaque to callers: base64url of "micros:list:id".
 */
public record PageRequest(int size, Optional<Cursor> after, String list) {
  public static final int MAX_PAGE_SIZE = 100;

  /** The times a stored row can have (those a google.protobuf.Timestamp can say). */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public PageRequest {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size out of range: " + size);
    }
    if (list.indexOf(':') >= 0) {
      throw new IllegalArgumentException("list key must not contain ':'");
    }
  }

  /** The first page of a list. */
  public static PageRequest first(int size, String list) {
    return new PageRequest(size, Optional.empty(), list);
  }

  /**
   * Applies the default for 0 and decodes the token; a token that does not decode, or that another
   * list issued, is refused with PAGE_TOKEN_INVALID.
   */
  public static PageRequest of(int requestedSize, int defaultSize, String pageToken, String list) {
    return of(requestedSize, defaultSize, pageToken, list, "page_token");
  }

  /** As above, the token read from the request field {@code tokenField} (named by a refusal). */
  public static PageRequest of(int requestedSize, int defaultSize, String pageToken, String list, String tokenField) {
    if (requestedSize < 0 || requestedSize > MAX_PAGE_SIZE) {
      throw DomainException.invalid("page_size", "must be between 0 and " + MAX_PAGE_SIZE);
    }
    int size = requestedSize == 0 ? defaultSize : requestedSize;
    return new PageRequest(size, decode(pageToken, list, tokenField), list);
  }

  /** The token of the page after {@code cursor} in this list. */
  public String tokenAfter(Cursor cursor) {
    Instant t = cursor.createTime();
    long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    String raw = micros + ":" + list + ":" + cursor.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Cursor> decode(String token, String list, String tokenField) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken(tokenField, "is not a token returned by this list");
    }
    String[] parts = raw.split(":", 3);
    if (parts.length != 3 || parts[2].isEmpty()) {
      throw invalidToken(tokenField, "is not a token returned by this list");
    }
    if (!parts[1].equals(list)) {
      throw invalidToken(tokenField, "was issued for another list or other filters");
    }
    Instant time;
    try {
      long micros = Long.parseLong(parts[0]);
      time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw invalidToken(tokenField, "is not a token returned by this list");
    }
    // A token is opaque, not unforgeable: what it holds reaches the query only if it could have
    // come from a stored row (a time the database keeps, an ID PostgreSQL can store).
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST) || parts[2].indexOf('\u0000') >= 0) {
      throw invalidToken(tokenField, "is not a token returned by this list");
    }
    return Optional.of(new Cursor(time, parts[2]));
  }

  private static DomainException invalidToken(String field, String why) {
    return new DomainException(
        ErrorCode.PAGE_TOKEN_INVALID, field + " " + why, Map.of(), List.of(new FieldViolation(field, why)));
  }
}
