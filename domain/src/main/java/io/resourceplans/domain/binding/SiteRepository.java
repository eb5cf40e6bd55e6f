package io.resourceplans.domain.binding;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.util.Optional;

/** The vendor sites (not account-owned). */
public interface SiteRepository {
  Optional<Site> find(String siteId);

  /** Ordered by site ID. */
  Page<Site> list(PageRequest page);
}
