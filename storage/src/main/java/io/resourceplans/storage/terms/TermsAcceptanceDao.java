package io.resourceplans.storage.terms;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code terms_acceptances}. */
public interface TermsAcceptanceDao {
  @SqlUpdate("""
      insert into terms_acceptances (account_id, terms_acceptance_id, kind, version, accepted_by,
                                     subject, accept_time)
      values (:accountId, :id, :kind, :version, :acceptedBy, :subject, :acceptTime)
      """)
  void insert(
      @Bind("accountId") String accountId,
      @Bind("id") String termsAcceptanceId,
      @Bind("kind") String kind,
      @Bind("version") String version,
      @Bind("acceptedBy") String acceptedBy,
      @Bind("subject") String subject,
      @Bind("acceptTime") Instant acceptTime);
}
