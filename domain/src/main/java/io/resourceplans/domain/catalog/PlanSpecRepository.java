package io.resourceplans.domain.catalog;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** Plan specs of the catalog (not account-owned). */
public interface PlanSpecRepository {
  /** Inserts; false if the plan spec ID exists already. */
  boolean insert(PlanSpec spec);

  void update(PlanSpec spec);

  Optional<PlanSpec> find(String planSpecId);

  /** Reads the spec and locks it until the transaction ends, for a read-modify-write. */
  Optional<PlanSpec> findForUpdate(String planSpecId);

  /** A product's specs ordered by plan spec ID. */
  Page<PlanSpec> list(String productId, boolean includeRetired, PageRequest page);
}
