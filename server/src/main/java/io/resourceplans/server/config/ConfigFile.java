package io.resourceplans.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A settings file ({@code --config}): one {@code key = value} per line, keys spelled as the flags
 * without {@code --}; blank lines and lines starting with {@code #} are ignored. An unknown or
 * repeated key is an error naming its line, so a typo never silently leaves a default in place.
 */
final class ConfigFile {
  private ConfigFile() {}

  static Map<String, String> read(Path file, Set<String> knownKeys) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--config: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(where + "expected 'key = value'");
      }
      String key = line.substring(0, eq).strip();
      if (!knownKeys.contains(key)) {
        throw new IllegalArgumentException(where + "unknown setting '" + key + "' (the keys are the flags of --help, without '--')");
      }
      if (values.put(key, line.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException(where + "'" + key + "' is set twice");
      }
    }
    return values;
  }
}
