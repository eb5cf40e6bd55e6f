package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.DuePackage;
import io.resourceplans.domain.notification.ExpiryReminderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@link ExpiryReminderRepository} over {@link ExpiryReminderDao}. */
public final class JdbiExpiryReminderRepository implements ExpiryReminderRepository {
  private final ExpiryReminderDao dao;

  public JdbiExpiryReminderRepository(ExpiryReminderDao dao) {
    this.dao = dao;
  }

  @Override
  public List<DuePackage> due(
      Duration offset, String doneKeyBefore, String doneKeyAfter, Instant now, Position after, int limit,
      String testClockId) {
    return dao.due(
            offset.toSeconds(),
            doneKeyBefore,
            doneKeyAfter,
            now,
            after == null ? null : after.expireTime(),
            after == null ? null : after.accountId(),
            after == null ? null : after.packageId(),
            limit,
            testClockId)
        .stream()
        .map(DuePackageRow::toDomain)
        .toList();
  }
}
