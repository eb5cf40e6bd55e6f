package io.resourceplans.domain.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The transaction package is a leaf: it names no feature, so features depend on it and not, through
 * it, on each other (a hub of accessors put every feature in one dependency cycle).
 */
class TxIndependenceTest {
  @Test
  void theTransactionPackageImportsNoFeature() throws IOException {
    Path dir = Path.of("src/main/java/io/resourceplans/domain/tx");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> featureImports =
          files
              .flatMap(RethrowingLines::of)
              .filter(line -> line.startsWith("import io.resourceplans."))
              .toList();
      assertEquals(List.of(), featureImports);
    }
  }

  @Test
  void aTransactionHandsOutRepositoriesByTypeOnly() {
    assertEquals(1, Tx.class.getDeclaredMethods().length);
  }

  private static final class RethrowingLines {
    static Stream<String> of(Path file) {
      try {
        return Files.readAllLines(file).stream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
