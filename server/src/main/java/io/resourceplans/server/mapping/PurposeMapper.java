package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.Purpose;
import io.resourceplans.domain.error.DomainException;

/** API Purpose ↔ domain Purpose. */
public final class PurposeMapper {
  private PurposeMapper() {}

  public static Purpose toProto(io.resourceplans.domain.catalog.Purpose p) {
    return switch (p) {
      case VERIFICATION_NOTIFICATION -> Purpose.PURPOSE_VERIFICATION_NOTIFICATION;
      case MARKETING -> Purpose.PURPOSE_MARKETING;
      case GENERAL -> Purpose.PURPOSE_GENERAL;
    };
  }

  /** Protovalidate refuses UNSPECIFIED where a purpose is required; this guards the rest. */
  public static io.resourceplans.domain.catalog.Purpose toDomain(Purpose p, String field) {
    return switch (p) {
      case PURPOSE_VERIFICATION_NOTIFICATION -> io.resourceplans.domain.catalog.Purpose.VERIFICATION_NOTIFICATION;
      case PURPOSE_MARKETING -> io.resourceplans.domain.catalog.Purpose.MARKETING;
      case PURPOSE_GENERAL -> io.resourceplans.domain.catalog.Purpose.GENERAL;
      case PURPOSE_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid(field, "must name a purpose");
    };
  }
}
