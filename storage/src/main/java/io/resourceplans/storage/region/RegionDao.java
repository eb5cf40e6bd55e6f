package io.resourceplans.storage.region;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for {@code regions}. */
@RegisterConstructorMapper(RegionRow.class)
public interface RegionDao {
  @SqlQuery("""
      select region_id, display_name, requires_identity_verification
        from regions order by region_id
      """)
  List<RegionRow> list();
}
