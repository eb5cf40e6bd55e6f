package io.resourceplans.domain.quota;

import java.util.Optional;

/** Recorded usage, append-only, scoped by account. */
public interface UsageRepository {
  void insert(UsageRecord record);

  Optional<UsageRecord> find(String accountId, String usageId);
}
