package io.resourceplans.domain.marketplace;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** Marketplace instances, scoped by account; the bound workspace is read with them. */
public interface MarketplaceInstanceRepository {
  /**
   * Inserts; false if the account already has an instance of the product or one created by the same
   * activation request ID (a concurrent insert waits, then sees false).
   */
  boolean insert(MarketplaceInstance instance);

  Optional<MarketplaceInstance> find(String accountId, String instanceId);

  /** Reads the instance and locks its row until the transaction ends. */
  Optional<MarketplaceInstance> findForUpdate(String accountId, String instanceId);

  Optional<MarketplaceInstance> findByProduct(String accountId, String productId);

  Optional<MarketplaceInstance> findByActivateRequest(String accountId, String requestId);

  /** Makes the workspace (bound to the instance) the one the instance opens. */
  void open(String accountId, String instanceId, String workspaceId, java.time.Instant openTime);

  /** Newest first: create time descending, then instance ID descending. */
  Page<MarketplaceInstance> list(String accountId, PageRequest page);
}
