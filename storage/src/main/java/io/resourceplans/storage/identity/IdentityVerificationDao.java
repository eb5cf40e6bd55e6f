package io.resourceplans.storage.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code identity_verifications}. */
@RegisterConstructorMapper(IdentityVerificationRow.class)
public interface IdentityVerificationDao {
  String COLUMNS = """
      account_id, identity_verification_id, subject_type, legal_name, document_number_masked,
      state, rejection_reason, submit_time, review_time
      """;

  @SqlUpdate("""
      insert into identity_verifications (account_id, identity_verification_id, subject_type,
          legal_name, document_number_masked, state, rejection_reason, submit_time, review_time)
      values (:accountId, :identityVerificationId, :subjectType, :legalName, :documentNumberMasked,
              :state, :rejectionReason, :submitTime, :reviewTime)
      """)
  void insert(@BindMethods IdentityVerificationRow row);

  @SqlQuery("select " + COLUMNS + """
        from identity_verifications
       where account_id = :accountId
       order by submit_time desc, identity_verification_id desc
       limit 1
      """)
  Optional<IdentityVerificationRow> latest(@Bind("accountId") String accountId);

  @SqlQuery("select " + COLUMNS + """
        from identity_verifications
       where account_id = :accountId and identity_verification_id = :id
      """)
  Optional<IdentityVerificationRow> find(@Bind("accountId") String accountId, @Bind("id") String id);

  /** Operator look-up across accounts (IDs are random, so at most one row in practice). */
  @SqlQuery("select " + COLUMNS + """
        from identity_verifications
       where identity_verification_id = :id
       limit 1
      """)
  Optional<IdentityVerificationRow> findAnyAccount(@Bind("id") String id);

  @SqlQuery("select " + COLUMNS + """
        from identity_verifications
       where state = :state
         and (cast(:accountId as text) is null or account_id = :accountId)
         and (cast(:afterTime as timestamptz) is null
              or (submit_time, identity_verification_id) > (:afterTime, :afterId))
       order by submit_time, identity_verification_id
       limit :limit
      """)
  List<IdentityVerificationRow> list(
      @Bind("state") String state,
      @Bind("accountId") String accountId,
      @Bind("afterTime") Instant afterTime,
      @Bind("afterId") String afterId,
      @Bind("limit") int limit);

  @SqlUpdate("""
      update identity_verifications
         set state = :state, rejection_reason = :rejectionReason, review_time = :reviewTime
       where account_id = :accountId and identity_verification_id = :id
      """)
  int review(
      @Bind("accountId") String accountId,
      @Bind("id") String id,
      @Bind("state") String state,
      @Bind("rejectionReason") String rejectionReason,
      @Bind("reviewTime") Instant reviewTime);
}
