package io.resourceplans.storage.embedded;

import io.resourceplans.storage.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * A JVM that starts the embedded database on a data directory, commits one row, says so on stdout
 * and waits to be killed: the way a server dies under kill -9, with its PostgreSQL left running.
 */
public final class EmbeddedDatabaseChild {
  private EmbeddedDatabaseChild() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
    String url = "jdbc:postgresql://localhost:" + db.port() + "/postgres?user=postgres";
    try (var c = DriverManager.getConnection(url);
        var s = c.createStatement()) {
      s.execute("create table if not exists kept (note text)");
      s.execute("insert into kept values ('committed before the kill')");
    }
    System.out.println("READY " + db.port());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
