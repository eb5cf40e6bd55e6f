package io.resourceplans.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.storage.db.MigrationFiles;
import io.resourceplans.storage.db.Migrations;
import io.resourceplans.storage.testing.TestDatabase;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start skips Flyway on a database brought fully up to date with exactly its migrations (the
 * digest in rp_schema_stamp, V21.1), and goes through Flyway on any other: a different digest, no
 * stamp, a newer release's schema (which it does not stamp).
 */
class SchemaStampTest {
  private static final String DIGEST = MigrationFiles.onClasspath(SchemaStampTest.class.getClassLoader(), "db/migration").digest();

  @Test
  void aDatabaseStampedWithTheseMigrationsIsLeftAloneAndAnyOtherStampGoesThroughFlyway() {
    try (TestDatabase db = TestDatabase.create()) {
      Jdbi jdbi = Jdbi.create(db.dataSource());
      assertEquals(DIGEST, stamp(jdbi), "the migrated database is stamped");
      // A history Flyway would act on: V21 looks never applied (running it again would fail).
      jdbi.useHandle(h -> h.execute("delete from flyway_schema_history where version = '21'"));

      assertEquals(0, Migrations.migrate(db.dataSource()), "skipped: the stamp is this build's");

      jdbi.useHandle(h -> h.execute("update rp_schema_stamp set digest = 'an older release'"));
      RuntimeException flyway = assertThrows(RuntimeException.class, () -> Migrations.migrate(db.dataSource()));
      assertTrue(flyway.getClass().getName().startsWith("org.flywaydb"), flyway.toString());
    }
  }

  @Test
  void aNewerReleasesSchemaIsMigratedButNotStampedAndANewDatabaseIsStamped() {
    try (TestDatabase db = TestDatabase.create()) {
      Jdbi jdbi = Jdbi.create(db.dataSource());
      jdbi.useHandle(h -> {
        h.execute("delete from rp_schema_stamp");
        // A migration of a later release, applied by one of its replicas.
        h.execute("""
            insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                               installed_by, execution_time, success)
            select max(installed_rank) + 1, '999', 'later release', 'SQL', 'V999__later_release.sql', 1,
                   current_user, 1, true
              from flyway_schema_history
            """);
      });

      assertEquals(0, Migrations.migrate(db.dataSource()));
      assertEquals(null, stamp(jdbi), "not stamped: this release's next start must check again");

      jdbi.useHandle(h -> h.execute("delete from flyway_schema_history where version = '999'"));
      Migrations.migrate(db.dataSource());
      assertEquals(DIGEST, stamp(jdbi));
    }
  }

  @Test
  void theDigestIsTheSameFromAJarAsFromTheDirectoryAndChangesWithAnyFile(@TempDir Path dir) throws Exception {
    MigrationFiles fromDirectory = MigrationFiles.onClasspath(getClass().getClassLoader(), "db/migration");
    assertTrue(fromDirectory.names().containsAll(List.of("V1__accounts_keys_idempotency.sql", "R__usage_functions.sql")),
        fromDirectory.names().toString());
    Path source = Path.of(getClass().getClassLoader().getResource("db/migration").toURI());

    Path same = jar(dir.resolve("same.jar"), source, null);
    Path edited = jar(dir.resolve("edited.jar"), source, "R__usage_functions.sql");

    assertEquals(fromDirectory.digest(), digestIn(same));
    assertNotEquals(fromDirectory.digest(), digestIn(edited));
  }

  private static String digestIn(Path jar) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      return MigrationFiles.onClasspath(loader, "db/migration").digest();
    }
  }

  /** A jar of the migrations (and a file beside them that is not one), one of them edited if named. */
  private static Path jar(Path jar, Path migrations, String edit) throws Exception {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        var files = Files.list(migrations)) {
      j.putNextEntry(new JarEntry("db/"));
      j.putNextEntry(new JarEntry("db/migration/"));
      for (Path f : files.sorted().toList()) {
        j.putNextEntry(new JarEntry("db/migration/" + f.getFileName()));
        j.write(Files.readAllBytes(f));
        if (f.getFileName().toString().equals(edit)) {
          j.write("\n-- edited\n".getBytes());
        }
      }
      j.putNextEntry(new JarEntry("db/migration/notes/README.sql"));
      j.write("-- not a migration of this location".getBytes());
    }
    return jar;
  }

  private static String stamp(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select digest from rp_schema_stamp").mapTo(String.class).findOne().orElse(null));
  }
}
