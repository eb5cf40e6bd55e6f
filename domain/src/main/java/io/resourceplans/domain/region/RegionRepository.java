package io.resourceplans.domain.region;

import java.util.List;
import java.util.Optional;

/** The region catalogue (shared by all accounts). */
public interface RegionRepository {
  Optional<Region> find(String regionId);

  List<Region> list();
}
