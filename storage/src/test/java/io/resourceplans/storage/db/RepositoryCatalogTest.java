package io.resourceplans.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.storage.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every repository a domain feature can ask a transaction for is registered by its storage feature. */
class RepositoryCatalogTest {
  private static TestDatabase db;
  private static Transactor transactor;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.create();
    transactor = new JdbiTransactor(Jdbis.create(db.dataSource()));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void everyDomainRepositoryInterfaceHasExactlyOneStorageImplementation() throws Exception {
    Set<Class<?>> declared = domainRepositoryInterfaces();
    assertTrue(declared.size() >= 30, "found only " + declared);
    assertEquals(names(declared), names(RepositoryCatalog.ALL.repositories()));
    transactor.readOnly(
        tx -> {
          for (Class<?> type : declared) {
            assertTrue(type.isInstance(tx.get(type)), type.getName());
          }
          return null;
        });
  }

  @Test
  void askingForAnUnregisteredTypeNamesIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> transactor.readOnly(tx -> tx.get(Runnable.class)));
    assertTrue(e.getMessage().contains("java.lang.Runnable"), e.getMessage());
  }

  private static Set<String> names(Set<Class<?>> types) {
    return types.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Interfaces named *Repository (and the notification outbox) in the domain classes. */
  private static Set<Class<?>> domainRepositoryInterfaces() throws Exception {
    URI location = Tx.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    Path root = Path.of(location);
    if (Files.isDirectory(root)) {
      return scan(root);
    }
    try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
      return scan(jar.getPath("/"));
    }
  }

  private static Set<Class<?>> scan(Path root) throws IOException, ClassNotFoundException {
    Set<Class<?>> found = new java.util.HashSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.endsWith("Repository") || name.endsWith("NotificationOutbox")) {
          Class<?> type = Class.forName(name);
          if (type.isInterface()) {
            found.add(type);
          }
        }
      }
    }
    return found;
  }
}
