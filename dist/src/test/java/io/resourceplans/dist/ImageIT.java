package io.resourceplans.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image tarball this build made (Jib, no daemon): what a runtime reads from its
 * manifest and config. That the image runs is shown by src/image/smoke.sh, which needs root.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ImageIT {
  private static final Path IMAGE = Path.of(System.getProperty("dist.directory", "target"), "resource-plans-image.tar");

  @Test
  void imageRunsTheServerAsTheUnprivilegedUser(@TempDir Path temp) throws Exception {
    assertTrue(Files.isRegularFile(IMAGE), IMAGE + " was not built");
    DistributionIT.run(temp, "tar", "-xf", IMAGE.toAbsolutePath().toString(), "manifest.json");
    JsonObject manifest = JsonParser.parseString(read(temp.resolve("manifest.json"))).getAsJsonArray().get(0).getAsJsonObject();
    assertEquals("resource-plans:" + System.getProperty("dist.version"), manifest.getAsJsonArray("RepoTags").get(0).getAsString());

    String configName = manifest.get("Config").getAsString();
    DistributionIT.run(temp, "tar", "-xf", IMAGE.toAbsolutePath().toString(), configName);
    JsonObject image = JsonParser.parseString(read(temp.resolve(configName))).getAsJsonObject();
    assertEquals("amd64", image.get("architecture").getAsString());
    assertEquals("linux", image.get("os").getAsString());

    JsonObject config = image.getAsJsonObject("config");
    assertEquals("65532:65532", config.get("User").getAsString());
    List<String> entrypoint = strings(config.getAsJsonArray("Entrypoint"));
    assertEquals("/opt/java/bin/java", entrypoint.get(0), entrypoint.toString());
    assertEquals(
        List.of("-cp", "@/app/jib-classpath-file", "io.resourceplans.server.Main"),
        entrypoint.subList(entrypoint.size() - 3, entrypoint.size()));
    assertTrue(strings(config.getAsJsonArray("Env")).contains("RP_DATA_DIR=/var/lib/resource-plans"), config.toString());
    assertTrue(config.getAsJsonObject("ExposedPorts").has("50051/tcp"), config.toString());
    assertTrue(strings(config.getAsJsonArray("Env")).contains("RP_METRICS_PORT=9464"), config.toString());
    assertTrue(config.getAsJsonObject("ExposedPorts").has("9464/tcp"), config.toString());
    assertTrue(config.getAsJsonObject("Volumes").has("/var/lib/resource-plans"), config.toString());
  }

  private static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    for (JsonElement e : array) {
      list.add(e.getAsString());
    }
    return list;
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
