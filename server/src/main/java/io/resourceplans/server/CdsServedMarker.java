package io.resourceplans.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the distribution's launcher that this run reached SERVING, so the class data sharing
 * archive the JVM writes when it stops holds the classes of a whole start and is worth using
 * (bin/resource-plans names the file in the system property; without it, nothing happens).
 */
final class CdsServedMarker {
  static final String PROPERTY = "resource-plans.cds.served";
  private static final Logger log = LoggerFactory.getLogger(CdsServedMarker.class);

  private CdsServedMarker() {}

  static void markServing() {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(file), "");
      log.info("class data sharing archive written when the server stops, used by the next start");
    } catch (IOException | RuntimeException e) {
      // Only a faster next start is lost.
      log.warn("could not write {}: {}", file, e.toString());
    }
  }
}
