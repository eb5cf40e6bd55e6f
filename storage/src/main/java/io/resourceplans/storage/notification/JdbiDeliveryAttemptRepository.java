package io.resourceplans.storage.notification;

import io.resourceplans.domain.notification.AttemptOutcome;
import io.resourceplans.domain.notification.DeliveryAttempt;
import io.resourceplans.domain.notification.DeliveryAttemptRepository;
import java.time.Instant;
import java.util.List;

/** {@link DeliveryAttemptRepository} over {@link DeliveryAttemptDao}. */
public final class JdbiDeliveryAttemptRepository implements DeliveryAttemptRepository {
  private final DeliveryAttemptDao dao;

  public JdbiDeliveryAttemptRepository(DeliveryAttemptDao dao) {
    this.dao = dao;
  }

  @Override
  public void add(
      String accountId, String notificationId, Instant attemptTime, AttemptOutcome outcome, String error,
      String dispatcher) {
    dao.add(accountId, notificationId, attemptTime, outcome.name(), error, dispatcher);
  }

  @Override
  public List<DeliveryAttempt> list(String accountId, String notificationId) {
    return dao.list(accountId, notificationId).stream().map(DeliveryAttemptRow::toDomain).toList();
  }
}
