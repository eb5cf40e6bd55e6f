package io.resourceplans.domain.billing;

/** An order's lifecycle. EXPIRED is never stored: it is a pending order past its expire time. */
public enum OrderState {
  PENDING_PAYMENT,
  PAID,
  CANCELLED,
  EXPIRED
}
