package io.resourceplans.domain.billing;

import io.resourceplans.domain.quota.PlanPackage;
import java.util.List;

/** A paid order and the packages its payment issued. */
public record PaidOrder(Order order, List<PlanPackage> packages) {
  public PaidOrder {
    packages = List.copyOf(packages);
  }
}
