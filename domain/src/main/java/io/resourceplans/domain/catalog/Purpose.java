package io.resourceplans.domain.catalog;

/** What messages are sent for. Packages are bought for one purpose; usage names one. */
public enum Purpose {
  VERIFICATION_NOTIFICATION,
  MARKETING,
  GENERAL
}
