package io.resourceplans.storage.db;

/** What the repositories of one transaction are built from: its JDBI handle's DAOs and its plain-JDBC statements. */
public interface RepositoryContext {
  /** The SqlObject DAO of this transaction's handle (attached once per transaction). */
  <T> T dao(Class<T> type);

  /** The plain-JDBC statements on this transaction's connection. */
  Sql sql();

  /** The database these statements go to (a few are written differently for Citus). */
  DatabaseEngine engine();
}
