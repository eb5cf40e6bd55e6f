package io.resourceplans.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator key kept in the data directory when none is configured: generated on first start,
 * readable only by its owner, never printed.
 */
public final class OperatorKeyFile {
  private OperatorKeyFile() {}

  public static String readOrCreate(Path file) throws IOException {
    return readOrCreate(file, "rpo.");
  }

  /** The same for any generated secret (e.g. the login-ticket key): {@code prefix} + 32 random bytes. */
  public static String readOrCreate(Path file, String prefix) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Non-POSIX file systems keep their default permissions.
    }
    return key;
  }
}
