package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import java.time.Instant;

/** CheckQuota's reads as one read-only statement: one round trip, whatever the account holds. */
public interface QuotaFactsRepository {
  QuotaFacts read(String accountId, String productId, String regionId, Purpose purpose, long quantity, Instant now);
}
