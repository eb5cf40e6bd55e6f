package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed service clients are what ServiceClientsGenerator writes from the current protos,
 * so every RPC has its blocking, async and (for List RPCs with pages) listAll method. After a
 * proto change, regenerate them with
 * {@code mvn -B -o -q verify -pl client -am -Dtest=ServiceClientsSourceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate-clients=true} and commit the result.
 */
class ServiceClientsSourceTest {
  private static final Path SOURCES = Path.of("src/main/java/io/resourceplans/client");

  @Test
  void everyServiceClientIsWhatTheProtosGenerate() throws IOException {
    Map<String, String> generated = new ServiceClientsGenerator().sources();
    assertEquals(
        java.util.Set.of("PlanServiceClient", "ActivationServiceClient", "BindingServiceClient", "OperatorServiceClient"),
        generated.keySet());
    boolean regenerate = Boolean.getBoolean("regenerate-clients");
    for (Map.Entry<String, String> source : generated.entrySet()) {
      Path file = SOURCES.resolve(source.getKey() + ".java");
      if (regenerate) {
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(file), file + " is missing: regenerate (see this test's comment)");
      assertEquals(
          source.getValue(),
          Files.readString(file, StandardCharsets.UTF_8),
          file + " differs from what the protos generate: regenerate it (see this test's comment)");
    }
  }
}
