package io.resourceplans.domain.activation;

import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Position in the activations list, ordered by (product ID, region ID): the page cursor's ID is
 * "product/region". Product IDs never contain '/', so it splits back unambiguously.
 */
public record ActivationCursor(String productId, String regionId) {
  public static Cursor of(Activation last) {
    return new Cursor(Instant.EPOCH, last.productId() + "/" + last.regionId());
  }

  public static ActivationCursor from(Cursor cursor) {
    String id = cursor.id();
    int slash = id.indexOf('/');
    if (slash <= 0 || slash == id.length() - 1) {
      throw new DomainException(
          ErrorCode.PAGE_TOKEN_INVALID,
          "page_token is not a token returned by this list",
          Map.of(),
          List.of(new FieldViolation("page_token", "is not a token returned by this list")));
    }
    return new ActivationCursor(id.substring(0, slash), id.substring(slash + 1));
  }
}
