package io.resourceplans.storage.binding;

import io.resourceplans.domain.binding.Site;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for {@code vendor_sites}. */
@RegisterConstructorMapper(Site.class)
public interface SiteDao {
  @SqlQuery("select site_id, display_name from vendor_sites where site_id = :siteId")
  Optional<Site> find(@Bind("siteId") String siteId);

  @SqlQuery("""
      select site_id, display_name from vendor_sites
       where cast(:afterId as text) is null or site_id > :afterId
       order by site_id
       limit :limit
      """)
  List<Site> list(@Bind("afterId") String afterId, @Bind("limit") int limit);
}
