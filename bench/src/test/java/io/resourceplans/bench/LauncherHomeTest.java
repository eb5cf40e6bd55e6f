package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footprint's distribution layout, with the launcher as packaged from dist/src/dist/bin. */
class LauncherHomeTest {
  @TempDir Path temp;

  @Test
  void laysOutTheLauncherAndLinksTheServerJarAndItsLib() throws Exception {
    Path target = Files.createDirectories(temp.resolve("server/target"));
    Path jar = Files.writeString(target.resolve("resource-plans-server.jar"), "jar");
    Files.createDirectories(target.resolve("lib"));
    Files.writeString(target.resolve("lib/a.jar"), "a");
    Files.writeString(target.resolve("lib/notes.txt"), "not a jar");

    LauncherHome home = LauncherHome.create(Files.createDirectories(temp.resolve("home")), jar);

    assertTrue(Files.isExecutable(home.launcher()));
    assertTrue(Files.readString(home.launcher()).contains("io.resourceplans.server.Main"));
    assertEquals(jar.toAbsolutePath(), Files.readSymbolicLink(temp.resolve("home/lib/resource-plans-server.jar")));
    assertTrue(Files.isSymbolicLink(temp.resolve("home/lib/a.jar")));
    assertTrue(Files.notExists(temp.resolve("home/lib/notes.txt")));
    assertTrue(home.defaultJavaOptions().stream().anyMatch(o -> o.startsWith("-Xmx")), home.defaultJavaOptions().toString());
    assertEquals(List.of(), home.classDataSharingArchives());
  }

  @Test
  void readsTheDefaultsLine() {
    assertEquals(List.of("-Xmx1m", "-XX:+UseSerialGC"),
        LauncherHome.defaultJavaOptions("#!/bin/sh\n# DEFAULT_JAVA_OPTS=\"no\"\nDEFAULT_JAVA_OPTS=\"-Xmx1m  -XX:+UseSerialGC\"\n"));
  }
}
