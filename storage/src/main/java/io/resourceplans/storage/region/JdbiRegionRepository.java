package io.resourceplans.storage.region;

import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.RegionRepository;
import io.resourceplans.storage.db.Sql;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RegionRepository}: {@link #find} in plain JDBC (pay-as-you-go usage checks the region on
 * every message, see {@link Sql}); the list over {@link RegionDao}.
 */
public final class JdbiRegionRepository implements RegionRepository {
  private final Supplier<RegionDao> dao;
  private final Sql sql;

  public JdbiRegionRepository(Supplier<RegionDao> dao, Sql sql) {
    this.dao = dao;
    this.sql = sql;
  }

  @Override
  public Optional<Region> find(String regionId) {
    return sql.one("select region_id, display_name, requires_identity_verification from regions where region_id = ?",
        rs -> new RegionRow(rs.getString("region_id"), rs.getString("display_name"),
            rs.getBoolean("requires_identity_verification")).toDomain(),
        regionId);
  }

  @Override
  public List<Region> list() {
    return dao.get().list().stream().map(RegionRow::toDomain).toList();
  }
}
