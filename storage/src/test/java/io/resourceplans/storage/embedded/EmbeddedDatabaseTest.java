package io.resourceplans.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.storage.db.EmbeddedDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-configuration database: durable, and it survives the server dying without stopping it. */
class EmbeddedDatabaseTest {
  @TempDir Path dir;

  @Test
  void commitsAreDurable() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), 0);
        Connection c = connect(db)) {
      assertEquals("on", show(c, "fsync"));
      assertEquals("on", show(c, "synchronous_commit"));
      assertEquals("on", show(c, "full_page_writes"));
    }
  }

  @Test
  void aDatabaseLeftRunningByAKilledJvmIsStoppedAndItsCommittedRowsKept() throws Exception {
    Path data = dir.resolve("pg");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("READY "));
      assertTrue(line != null, "the child did not start its database");
    }
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL outlived its JVM");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0);
        Connection c = connect(db);
        var rs = c.createStatement().executeQuery("select note from kept")) {
      assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
      assertTrue(rs.next());
      assertEquals("committed before the kill", rs.getString(1));
    }
  }

  private static Connection connect(EmbeddedDatabase db) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/postgres?user=postgres");
  }

  private static String show(Connection c, String setting) throws Exception {
    try (var rs = c.createStatement().executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
