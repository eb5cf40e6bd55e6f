package io.resourceplans.domain.activation;

import io.resourceplans.domain.tx.Tx;

/** The one thing activation needs from the catalog: whether a product exists. */
public interface ProductCatalog {
  boolean exists(Tx tx, String productId);
}
