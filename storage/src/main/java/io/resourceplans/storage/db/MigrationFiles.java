package io.resourceplans.storage.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SQL migration files of one classpath location, by name, and their digest: SHA-256 over each
 * file's name and bytes, in name order, so it changes with any file added, removed, renamed or
 * edited (a repeatable migration's new text included). Read from a directory (tests, an IDE) or a
 * jar (the distribution) alike, without Flyway.
 */
public final class MigrationFiles {
  private final Map<String, byte[]> files;

  private MigrationFiles(Map<String, byte[]> files) {
    this.files = files;
  }

  /** The files' names, in order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(files.keySet());
  }

  /** The {@code .sql} files directly under {@code location} (e.g. {@code db/migration}). */
  public static MigrationFiles onClasspath(ClassLoader loader, String location) {
    URL url = loader.getResource(location);
    if (url == null) {
      throw new IllegalStateException("no " + location + " on the classpath");
    }
    try {
      return switch (url.getProtocol()) {
        case "file" -> fromDirectory(Path.of(url.toURI()));
        case "jar" -> fromJar((JarURLConnection) url.openConnection(), location);
        default -> throw new IllegalStateException("migrations at " + url + ": not a directory or a jar");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static MigrationFiles fromDirectory(Path directory) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> listed = Files.list(directory)) {
      for (Path p : (Iterable<Path>) listed::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".sql") && Files.isRegularFile(p)) {
          files.put(name, Files.readAllBytes(p));
        }
      }
    }
    return new MigrationFiles(files);
  }

  private static MigrationFiles fromJar(JarURLConnection connection, String location) throws IOException {
    // Not the JVM's cached, shared JarFile: this one is closed here.
    connection.setUseCaches(false);
    String prefix = location.endsWith("/") ? location : location + "/";
    Map<String, byte[]> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(".sql")
            && name.indexOf('/', prefix.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(name.substring(prefix.length()), in.readAllBytes());
          }
        }
      }
    }
    return new MigrationFiles(files);
  }

  /** Lower-case hex SHA-256 of the files' names and contents, in name order. */
  public String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.forEach((name, bytes) -> {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(bytes);
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
