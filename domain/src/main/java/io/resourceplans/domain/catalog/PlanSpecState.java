package io.resourceplans.domain.catalog;

/** Whether a spec can still be quoted and ordered. */
public enum PlanSpecState {
  ACTIVE,
  RETIRED
}
