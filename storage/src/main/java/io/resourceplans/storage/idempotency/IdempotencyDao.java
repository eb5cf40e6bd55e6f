package io.resourceplans.storage.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code idempotency_records}. */
@RegisterConstructorMapper(IdempotencyRow.class)
public interface IdempotencyDao {
  /** Inserts the claim; 0 rows means another transaction holds or held this request ID. */
  @SqlUpdate("""
      insert into idempotency_records (scope, request_id, fingerprint, create_time)
      values (:scope, :requestId, :fingerprint, :now)
      on conflict (scope, request_id) do nothing
      """)
  int claim(
      @Bind("scope") String scope,
      @Bind("requestId") String requestId,
      @Bind("fingerprint") byte[] fingerprint,
      @Bind("now") Instant now);

  @SqlQuery("""
      select fingerprint, response from idempotency_records
       where scope = :scope and request_id = :requestId
      """)
  Optional<IdempotencyRow> find(@Bind("scope") String scope, @Bind("requestId") String requestId);

  @SqlUpdate("""
      update idempotency_records set response = :response
       where scope = :scope and request_id = :requestId
      """)
  int complete(
      @Bind("scope") String scope,
      @Bind("requestId") String requestId,
      @Bind("response") byte[] response);
}
