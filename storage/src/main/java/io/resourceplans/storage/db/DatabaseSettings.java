package io.resourceplans.storage.db;

/** How to reach PostgreSQL. The password is never printed; see {@link #describe()}. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
  public String describe() {
    return jdbcUrl + " user=" + user + " password=" + (password == null || password.isEmpty() ? "(none)" : "****")
        + " pool=" + poolSize;
  }
}
