package io.resourceplans.domain.catalog;

/** Fixed packages (set quantity and price) or custom ones (quantity in steps, volume-tier price). */
public enum PlanSpecKind {
  FIXED,
  CUSTOM
}
