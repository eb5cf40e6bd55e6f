package io.resourceplans.domain.quota;

import io.resourceplans.domain.error.DomainException;
import java.util.Objects;

/**
 * What became of one record of {@link UsageService#recordAll}: its usage record ({@code replayed}
 * when an earlier request with its request ID wrote it, and this call changed nothing for it), or
 * the refusal {@link UsageService#record} would have thrown for it alone (nothing of it recorded).
 *
 * @param record the usage record; null when refused
 * @param replayed whether {@code record} is the first answer of an earlier request
 * @param refusal why it was refused; null when recorded
 */
public record UsageResult(UsageRecord record, boolean replayed, DomainException refusal) {
  public UsageResult {
    if ((record == null) == (refusal == null)) {
      throw new IllegalArgumentException("a usage result is a record or a refusal");
    }
    if (refusal != null && replayed) {
      throw new IllegalArgumentException("a refusal is never replayed");
    }
  }

  /** Written by this call. */
  public static UsageResult recorded(UsageRecord record) {
    return new UsageResult(Objects.requireNonNull(record), false, null);
  }

  /** The first answer of an earlier request with the same request ID and content. */
  public static UsageResult replayed(UsageRecord first) {
    return new UsageResult(Objects.requireNonNull(first), true, null);
  }

  /** Refused by a rule; nothing of it was recorded. */
  public static UsageResult refused(DomainException refusal) {
    return new UsageResult(null, false, Objects.requireNonNull(refusal));
  }
}
