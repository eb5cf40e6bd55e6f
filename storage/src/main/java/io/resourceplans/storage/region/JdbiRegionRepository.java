package io.resourceplans.storage.region;

import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.RegionRepository;
import java.util.List;
import java.util.Optional;

/** {@link RegionRepository} over {@link RegionDao}. */
public final class JdbiRegionRepository implements RegionRepository {
  private final RegionDao dao;

  public JdbiRegionRepository(RegionDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<Region> find(String regionId) {
    return dao.find(regionId).map(RegionRow::toDomain);
  }

  @Override
  public List<Region> list() {
    return dao.list().stream().map(RegionRow::toDomain).toList();
  }
}
