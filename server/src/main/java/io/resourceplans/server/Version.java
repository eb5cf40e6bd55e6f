package io.resourceplans.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this server was built as (written into its resources by the build). */
public final class Version {
  private Version() {}

  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** What {@code --version} prints. */
  public static String describe() {
    return "resource-plans " + current() + " (Java " + Runtime.version() + ", " + System.getProperty("os.name")
        + " " + System.getProperty("os.arch") + ")";
  }
}
