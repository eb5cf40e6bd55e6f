package io.resourceplans.domain.quota;

import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.tx.Tx;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * "Where did my quota go": the account's usage records with their funding trace (the packages each
 * drew from and how much, or the pay-as-you-go unit price and charge), by period, product, purpose,
 * package, request ID prefix or campaign tag (ListUsageRecords, ExportUsageRecords, GetPackage's
 * recent consumption). Read with the usage path's permission.
 */
@Singleton
public final class UsageHistory {
  /** How many of its most recent records GetPackage shows with a package. */
  public static final int RECENT_PER_PACKAGE = 10;

  @Inject
  public UsageHistory() {}

  /** One page, newest first; a period whose end is not after its start is refused. */
  public Page<UsageRecord> list(Tx tx, Principal caller, UsageRepository.Filter filter, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    requirePeriod(filter);
    return tx.get(UsageRepository.class).list(accountId, filter, page);
  }

  /**
   * The most recent records (at most {@link #RECENT_PER_PACKAGE}) that drew from a package of the
   * account, newest first; the caller has checked the package is the account's.
   */
  public List<UsageRecord> recentOfPackage(Tx tx, String accountId, String packageId) {
    return tx.get(UsageRepository.class)
        .list(accountId, UsageRepository.Filter.ofPackage(packageId),
            PageRequest.first(RECENT_PER_PACKAGE, "package-usage"))
        .items();
  }

  /** The period's end must be after its start, when both are given. */
  public static void requirePeriod(UsageRepository.Filter filter) {
    if (filter.startTime() != null && filter.endTime() != null && !filter.endTime().isAfter(filter.startTime())) {
      throw DomainException.invalid("end_time", "must be after start_time");
    }
  }
}
