package io.resourceplans.domain.quota;

import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import java.util.Map;

/** The QUOTA_EXHAUSTED refusal, one shape for RecordUsage and ReserveUsage. */
public final class QuotaExhausted {
  private QuotaExhausted() {}

  /**
   * @param available what the packages the request may draw from have left (its purpose and general)
   * @param why the sentence saying why nothing was taken
   */
  public static DomainException of(long requested, long available, String why) {
    return new DomainException(
        ErrorCode.QUOTA_EXHAUSTED, why,
        Map.of("requested", Long.toString(requested), "available", Long.toString(available)));
  }
}
