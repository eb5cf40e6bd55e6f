package io.resourceplans.storage.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.storage.db.Sql;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link IdempotencyRepository} on {@code idempotency_records}, in plain JDBC: every mutating call,
 * RecordUsage included, claims and completes a record (see {@link Sql} for why).
 */
public final class SqlIdempotencyRepository implements IdempotencyRepository {
  private final Sql sql;

  public SqlIdempotencyRepository(Sql sql) {
    this.sql = sql;
  }

  /** Inserts the claim; no row means another transaction holds or held this request ID. */
  @Override
  public boolean claim(IdempotencyKey key, Instant now) {
    return sql.update("""
        insert into idempotency_records (scope, request_id, fingerprint, create_time)
        values (?, ?, ?, ?)
        on conflict (scope, request_id) do nothing
        """, key.scope(), key.requestId(), key.fingerprint(), now) == 1;
  }

  @Override
  public boolean claimUsage(IdempotencyKey key, Instant now, String usageId) {
    return sql.update("""
        insert into idempotency_records (scope, request_id, fingerprint, create_time, usage_id)
        values (?, ?, ?, ?, ?)
        on conflict (scope, request_id) do nothing
        """, key.scope(), key.requestId(), key.fingerprint(), now, usageId) == 1;
  }

  @Override
  public Optional<Stored> find(String scope, String requestId) {
    return sql.one("""
        select fingerprint, response, usage_id from idempotency_records
         where scope = ? and request_id = ?
        """,
        rs -> new Stored(rs.getBytes("fingerprint"), rs.getBytes("response"), rs.getString("usage_id")),
        scope, requestId);
  }

  /** Sent with the commit's round trip (or the next statement's). */
  @Override
  public void complete(String scope, String requestId, byte[] response) {
    sql.later("""
        update idempotency_records set response = ?
         where scope = ? and request_id = ?
        """, 1, "complete idempotency record " + requestId, response, scope, requestId);
  }

}
