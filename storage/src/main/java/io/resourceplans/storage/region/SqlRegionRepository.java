package io.resourceplans.storage.region;

import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.RegionRepository;
import io.resourceplans.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link RegionRepository} on {@code regions}, in plain JDBC: pay-as-you-go usage checks the region
 * on every message (see {@link Sql}).
 */
public final class SqlRegionRepository implements RegionRepository {
  private static final String COLUMNS = "region_id, display_name, requires_identity_verification";

  private final Sql sql;

  public SqlRegionRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<Region> find(String regionId) {
    return sql.one("select " + COLUMNS + " from regions where region_id = ?", SqlRegionRepository::row, regionId);
  }

  @Override
  public List<Region> list() {
    return sql.list("select " + COLUMNS + " from regions order by region_id", SqlRegionRepository::row);
  }

  private static Region row(ResultSet rs) throws SQLException {
    return new RegionRow(rs.getString("region_id"), rs.getString("display_name"),
        rs.getBoolean("requires_identity_verification")).toDomain();
  }
}
