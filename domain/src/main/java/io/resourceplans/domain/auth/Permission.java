package io.resourceplans.domain.auth;

/**
 * Permissions a sub-user can hold. Buying or paying needs both, as a RAM user needs the product's
 * full-access policy and the order-access policy.
 */
public enum Permission {
  PRODUCT_ACCESS,
  ORDER_ACCESS
}
