package io.resourceplans.storage.quota;

import io.resourceplans.domain.quota.PackageDeduction;
import io.resourceplans.domain.quota.UsageRecord;
import io.resourceplans.domain.quota.UsageRepository;

/** {@link UsageRepository} over {@link UsageDao}. */
public final class JdbiUsageRepository implements UsageRepository {
  private final UsageDao dao;

  public JdbiUsageRepository(UsageDao dao) {
    this.dao = dao;
  }

  @Override
  public void insert(UsageRecord r) {
    dao.insert(
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime(),
        r.deductions().stream().map(PackageDeduction::packageId).toArray(String[]::new),
        r.deductions().stream().map(PackageDeduction::quantity).toArray(Long[]::new),
        r.deductions().stream().map(PackageDeduction::remainingAfter).toArray(Long[]::new));
  }
}
