package io.resourceplans.domain.billing;

import java.util.List;
import java.util.Optional;

/** Pay-as-you-go spend alerts, one per account at most. */
public interface PayAsYouGoSpendAlertRepository {
  Optional<PayAsYouGoSpendAlert> find(String accountId);

  /** As {@link #find}, the row locked until the transaction ends (the pass and a Set queue). */
  Optional<PayAsYouGoSpendAlert> lock(String accountId);

  /** Inserts or replaces the account's alert. */
  void save(PayAsYouGoSpendAlert alert);

  void delete(String accountId);

  /** Up to {@code limit} accounts with an alert, after {@code afterAccountId} (null: from the first), in order. */
  List<String> accountsAfter(String afterAccountId, int limit);
}
