package io.resourceplans.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A distribution laid out around the server jar, for the footprint to start the server the way a
 * deployment does: {@code bin/resource-plans}, the distribution's own launcher (packaged into this
 * jar from dist/src/dist/bin at build time), with {@code lib/} holding links to the server jar and
 * the jars of its {@code lib/} directory. So the footprint runs with the launcher's default JVM
 * options and its class data sharing archive (made in {@code cds/} by the first start), with no
 * second copy of either to keep in step.
 */
final class LauncherHome {
  private static final String SCRIPT = "launcher/resource-plans";
  private static final Pattern DEFAULTS = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS=\"([^\"]*)\"$");

  private final Path home;
  private final String script;

  private LauncherHome(Path home, String script) {
    this.home = home;
    this.script = script;
  }

  /** Lays out {@code home} (an empty directory) around {@code serverJar} and the jars of its lib/. */
  static LauncherHome create(Path home, Path serverJar) throws IOException {
    Path jarLib = serverJar.toAbsolutePath().getParent().resolve("lib");
    if (!Files.isDirectory(jarLib)) {
      throw new IllegalStateException("no lib/ beside " + serverJar + " (the server's dependencies, made by its build)");
    }
    String script;
    try (InputStream in = LauncherHome.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("the launcher is not packaged in this bench jar (" + SCRIPT + "); rebuild the bench");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path launcher = home.resolve("bin/resource-plans");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, script);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path lib = Files.createDirectories(home.resolve("lib"));
    Files.createSymbolicLink(lib.resolve(serverJar.getFileName()), serverJar.toAbsolutePath());
    try (Stream<Path> jars = Files.list(jarLib)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    return new LauncherHome(home, script);
  }

  Path launcher() {
    return home.resolve("bin/resource-plans");
  }

  /** The JVM options the launcher uses when JAVA_OPTS is not set (its DEFAULT_JAVA_OPTS). */
  List<String> defaultJavaOptions() {
    return defaultJavaOptions(script);
  }

  static List<String> defaultJavaOptions(String script) {
    Matcher m = DEFAULTS.matcher(script);
    if (!m.find()) {
      throw new IllegalStateException("the launcher sets no DEFAULT_JAVA_OPTS=\"...\"");
    }
    return m.group(1).isBlank() ? List.of() : Arrays.asList(m.group(1).trim().split("\\s+"));
  }

  /** The class data sharing archives the launcher made and may use (those a run that reached SERVING wrote). */
  List<Path> classDataSharingArchives() throws IOException {
    Path cds = home.resolve("cds");
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    List<Path> archives = new ArrayList<>();
    try (Stream<Path> files = Files.list(cds)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsa")).toList()) {
        if (Files.exists(Path.of(f + ".served"))) {
          archives.add(f);
        }
      }
    }
    return archives;
  }
}
