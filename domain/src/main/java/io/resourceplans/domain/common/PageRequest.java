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
 * {@code page_token}. Page tokens are opaque to callers: base64url of "micros:id".
 */
public record PageRequest(int size, Optional<Cursor> after) {
  public static final int MAX_PAGE_SIZE = 100;

  public PageRequest {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size out of range: " + size);
    }
  }

  /** Applies the default for 0 and decodes the token; a token that does not decode is bad input. */
  public static PageRequest of(int requestedSize, int defaultSize, String pageToken) {
    if (requestedSize < 0 || requestedSize > MAX_PAGE_SIZE) {
      throw DomainException.invalid("page_size", "must be between 0 and " + MAX_PAGE_SIZE);
    }
    int size = requestedSize == 0 ? defaultSize : requestedSize;
    return new PageRequest(size, decode(pageToken));
  }

  public static String encode(Cursor cursor) {
    Instant t = cursor.createTime();
    long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    String raw = micros + ":" + cursor.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Cursor> decode(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      if (colon <= 0 || colon == raw.length() - 1) {
        throw new IllegalArgumentException("no separator");
      }
      long micros = Long.parseLong(raw.substring(0, colon));
      Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
      return Optional.of(new Cursor(time, raw.substring(colon + 1)));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new DomainException(
          ErrorCode.PAGE_TOKEN_INVALID,
          "page_token is not a token returned by this list",
          Map.of(),
          List.of(new FieldViolation("page_token", "is not a token returned by this list")));
    }
  }
}
