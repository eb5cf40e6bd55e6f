package io.resourceplans.storage.terms;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code terms_versions}. */
@RegisterConstructorMapper(TermsRow.class)
public interface TermsDao {
  /** 0 rows means the kind already has this version. */
  @SqlUpdate("""
      insert into terms_versions (kind, version, title, url, publish_time)
      values (:kind, :version, :title, :url, :publishTime)
      on conflict (kind, version) do nothing
      """)
  int insert(@BindMethods TermsRow row);

  /**
   * The last version published, by publication order rather than timestamp, so a new version is
   * current at once whatever the clock says.
   */
  @SqlQuery("""
      select kind, version, title, url, publish_time
        from terms_versions
       where kind = :kind
       order by publish_seq desc
       limit 1
      """)
  Optional<TermsRow> current(@Bind("kind") String kind);
}
