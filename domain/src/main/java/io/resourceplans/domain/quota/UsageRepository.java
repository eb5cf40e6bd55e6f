package io.resourceplans.domain.quota;

/** Recorded usage, append-only, scoped by account. */
public interface UsageRepository {
  void insert(UsageRecord record);
}
