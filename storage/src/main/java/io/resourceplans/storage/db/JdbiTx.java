package io.resourceplans.storage.db;

import io.resourceplans.domain.tx.Tx;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/** The repositories of one JDBI handle, all in its open transaction. */
final class JdbiTx implements Tx, RepositoryContext {
  private final Handle handle;
  private final DatabaseEngine engine;
  private final Sql sql;
  // Attaching a SqlObject builds a proxy; a transaction that uses a DAO several times builds one.
  private final Map<Class<?>, Object> daos = new HashMap<>();

  JdbiTx(Handle handle, DatabaseEngine engine) {
    this.handle = handle;
    this.engine = engine;
    this.sql = new Sql(handle.getConnection());
    // Held writes go out before any JDBI statement (see HeldWrites).
    handle.addCustomizer(
        new StatementCustomizer() {
          @Override
          public void beforeExecution(PreparedStatement statement, StatementContext context) {
            sql.flush();
          }
        });
  }

  /** Sends the held writes ({@link HeldWrites}); the transactor calls it at the end of a read-only transaction. */
  void flush() {
    sql.flush();
  }

  /** Sends the held writes with COMMIT ({@link HeldWrites}): true, or nothing held (false: the caller commits). */
  boolean flushAndCommit() {
    return sql.flushAndCommit();
  }

  @Override
  public <R> R get(Class<R> repository) {
    return RepositoryCatalog.ALL.create(repository, this);
  }

  @Override
  public <T> T dao(Class<T> type) {
    return type.cast(daos.computeIfAbsent(type, handle::attach));
  }

  @Override
  public Sql sql() {
    return sql;
  }

  @Override
  public DatabaseEngine engine() {
    return engine;
  }
}
