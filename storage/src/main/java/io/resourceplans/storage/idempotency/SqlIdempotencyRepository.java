package io.resourceplans.storage.idempotency;

import io.resourceplans.domain.idempotency.IdempotencyKey;
import io.resourceplans.domain.idempotency.IdempotencyRepository;
import io.resourceplans.storage.db.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link IdempotencyRepository} on {@code idempotency_records}, in plain JDBC: every mutating call,
 * RecordUsage included, claims and completes a record (see {@link Sql} for why).
 */
public final class SqlIdempotencyRepository implements IdempotencyRepository {
  private final Connection connection;

  public SqlIdempotencyRepository(Connection connection) {
    this.connection = connection;
  }

  /** Inserts the claim; no row means another transaction holds or held this request ID. */
  @Override
  public boolean claim(IdempotencyKey key, Instant now) {
    return Sql.update(connection, """
        insert into idempotency_records (scope, request_id, fingerprint, create_time)
        values (?, ?, ?, ?)
        on conflict (scope, request_id) do nothing
        """, key.scope(), key.requestId(), key.fingerprint(), now) == 1;
  }

  @Override
  public Optional<Stored> find(String scope, String requestId) {
    return Sql.one(connection, """
        select fingerprint, response from idempotency_records
         where scope = ? and request_id = ?
        """, rs -> new Stored(rs.getBytes("fingerprint"), rs.getBytes("response")), scope, requestId);
  }

  @Override
  public void complete(String scope, String requestId, byte[] response) {
    int updated = Sql.update(connection, """
        update idempotency_records set response = ?
         where scope = ? and request_id = ?
        """, response, scope, requestId);
    if (updated != 1) {
      throw new IllegalStateException("completing an idempotency record that was never claimed");
    }
  }
}
