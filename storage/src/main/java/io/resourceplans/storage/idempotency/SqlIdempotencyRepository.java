package io.resourceplans.storage.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.storage.db.DatabaseEngine;
import io.resourceplans.storage.db.HeldWrites;
import io.resourceplans.storage.db.Sql;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link IdempotencyRepository} on {@code idempotency_records}, in plain JDBC: every mutating call
 * but RecordUsage claims and completes a record (see {@link Sql} for why).
 */
public final class SqlIdempotencyRepository implements IdempotencyRepository {
  private final Sql sql;
  private final DatabaseEngine engine;

  public SqlIdempotencyRepository(Sql sql, DatabaseEngine engine) {
    this.sql = sql;
    this.engine = engine;
  }

  /**
   * Inserts the claim; no row means another transaction holds or held this request ID, or a usage
   * record of the account does (RecordUsage's request IDs live in usage_records). The parameters
   * are cast: in an INSERT ... SELECT a text parameter would not take the column's type. The row
   * inserted is counted by RETURNING: Citus answers such an INSERT ... SELECT ... ON CONFLICT DO
   * NOTHING with the rows selected, not inserted.
   */
  @Override
  public boolean claim(IdempotencyKey key, Instant now) {
    return sql.list("""
        insert into idempotency_records (scope, request_id, fingerprint, create_time)
        select ?::text, ?::text, ?::bytea, ?::timestamptz
         where not exists (select 1 from usage_records u where u.account_id = ? and u.request_id = ?)
        on conflict (scope, request_id) do nothing
        returning 1
        """, rs -> 1, key.scope(), key.requestId(), key.fingerprint(), now, key.scope(), key.requestId()).size() == 1;
  }

  @Override
  public Optional<Stored> find(String scope, String requestId) {
    return sql.one("""
        select fingerprint, response from idempotency_records
         where scope = ? and request_id = ?
        """,
        rs -> new Stored(rs.getBytes("fingerprint"), rs.getBytes("response")),
        scope, requestId);
  }

  /** Held: it goes with the commit, or the next statement ({@link HeldWrites}). */
  @Override
  public void complete(String scope, String requestId, byte[] response) {
    sql.hold("""
        update idempotency_records set response = ?
         where scope = ? and request_id = ?
        """, 1, "complete idempotency record " + requestId, response, scope, requestId);
  }

  /**
   * Oldest first along idempotency_records_by_create_time (V12); SKIP LOCKED leaves rows that a
   * concurrent purge (another replica) is deleting, so the two never wait for each other.
   */
  static final String DELETE_CREATED_BEFORE = """
      delete from idempotency_records i
       using (select scope, request_id from idempotency_records
               where create_time < ?
               order by create_time
               limit ?
                 for update skip locked) old
       where i.scope = old.scope and i.request_id = old.request_id
      """;

  /**
   * The same on Citus, which cannot lock rows across shards: the chosen rows are not locked while
   * choosing, so a concurrent purge's rows are waited for (one batch's commit), then left out.
   */
  static final String DELETE_CREATED_BEFORE_DISTRIBUTED = """
      delete from idempotency_records
       where (scope, request_id) in (select scope, request_id from idempotency_records
                                      where create_time < ?
                                      order by create_time
                                      limit ?)
      """;

  @Override
  public int deleteCreatedBefore(Instant cutoff, int limit) {
    return sql.update(engine == DatabaseEngine.CITUS ? DELETE_CREATED_BEFORE_DISTRIBUTED : DELETE_CREATED_BEFORE,
        cutoff, limit);
  }
}
