package io.resourceplans.domain.catalog;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** Products of the catalog (not account-owned). */
public interface ProductRepository {
  /** Inserts; false if the product ID exists already. */
  boolean insert(Product product);

  void update(Product product);

  Optional<Product> find(String productId);

  /** Reads the product and locks it until the transaction ends, for a read-modify-write. */
  Optional<Product> findForUpdate(String productId);

  /** Ordered by product ID; the page cursor's ID is the product ID. */
  Page<Product> list(PageRequest page);

  boolean isEmpty();
}
