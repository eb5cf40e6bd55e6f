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
    dao.insertRecord(
        r.accountId(), r.usageId(), r.requestId(), r.productId(), r.purpose().name(), r.regionId(), r.quantity(),
        r.packageQuantity(), r.payAsYouGoQuantity(), r.payAsYouGoCharge().currency(),
        r.payAsYouGoUnitPrice() == null ? null : r.payAsYouGoUnitPrice().amount(),
        r.payAsYouGoCharge().amount(), r.recordTime());
    if (!r.deductions().isEmpty()) {
      dao.insertDeductions(
          r.accountId(),
          r.usageId(),
          r.deductions().stream().map(PackageDeduction::packageId).toList(),
          r.deductions().stream().map(PackageDeduction::quantity).toList(),
          r.deductions().stream().map(PackageDeduction::remainingAfter).toList());
    }
  }
}
