package io.resourceplans.domain.tx;

import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.ApiKeyRepository;
import io.resourceplans.domain.account.SubUserRepository;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.domain.region.RegionRepository;

/** The repositories of one database transaction. Everything done through one Tx commits together. */
public interface Tx {
  AccountRepository accounts();

  SubUserRepository subUsers();

  ApiKeyRepository apiKeys();

  RegionRepository regions();

  IdempotencyRepository idempotency();
}
