package io.resourceplans.storage.db;

/** How to reach PostgreSQL. The password is never printed; see {@link #describe()}. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
  /** A password given in the URL's query ({@code ?password=…}), which must not be printed either. */
  private static final java.util.regex.Pattern URL_PASSWORD =
      java.util.regex.Pattern.compile("(?i)([?&]password=)[^&]*");

  /** The JDBC URL as it may be printed: a password in its query masked. */
  public static String printable(String jdbcUrl) {
    return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1****");
  }

  public String describe() {
    return printable(jdbcUrl) + " user=" + user + " password=" + (password == null || password.isEmpty() ? "(none)" : "****")
        + " pool=" + poolSize;
  }
}
