package io.resourceplans.domain.activation;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** Pay-as-you-go activations, one per account, product and region. */
public interface ActivationRepository {
  /** Inserts; false if the account already has an activation of that product in that region. */
  boolean insert(Activation activation);

  Optional<Activation> find(String accountId, String productId, String regionId);

  /** Ordered by product ID, then region ID; pages by {@link ActivationCursor}. */
  Page<Activation> list(String accountId, PageRequest page);
}
