package io.resourceplans.domain.quota;

import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.tx.Transactor;
import java.time.Instant;

/**
 * CheckQuota's facts, read outside any transaction of the caller's: the storage may answer
 * concurrent requests with one database call (each answered as if read alone).
 */
public interface QuotaFactsReader {
  /** What one CheckQuota decides from: the account's usage of a quantity at {@code now}. */
  record Request(String accountId, String productId, String regionId, Purpose purpose, long quantity, Instant now) {}

  QuotaFacts read(Request request);

  /** Each request as one single-statement read of its own ({@link QuotaFactsRepository}): for tests and tools. */
  static QuotaFactsReader perRequest(Transactor transactor) {
    return r -> transactor.singleRead(tx -> tx.get(QuotaFactsRepository.class)
        .read(r.accountId(), r.productId(), r.regionId(), r.purpose(), r.quantity(), r.now()));
  }
}
