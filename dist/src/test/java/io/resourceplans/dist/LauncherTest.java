package io.resourceplans.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.server.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/resource-plans and conf/resource-plans.conf.example as shipped (src/dist), without a build:
 * the launcher runs a stand-in "java" that prints the command line it was given.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class LauncherTest {
  private static final Path DIST = Path.of("src/dist");

  @TempDir Path temp;
  private Path app;
  private Path javaHome;

  @BeforeEach
  void layout() throws Exception {
    app = temp.resolve("resource-plans");
    Files.createDirectories(app.resolve("bin"));
    Files.createDirectories(app.resolve("lib"));
    Files.copy(DIST.resolve("bin/resource-plans"), app.resolve("bin/resource-plans"));
    executable(app.resolve("bin/resource-plans"));
    javaHome = fakeJava("17.0.15");
  }

  @Test
  void runsTheServerMainWithTheLibJarsDefaultOptionsAndArguments() throws Exception {
    Result r = launch(app.resolve("bin/resource-plans"), Map.of("RP_CDS", "false"), "--port=1234", "a b");
    assertEquals(0, r.exit, r.output);
    String home = app.toRealPath().toString();
    assertEquals(
        List.of("-Xms16m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m",
            "-cp", home + "/lib/*", "io.resourceplans.server.Main", "--port=1234", "a b"),
        r.output.lines().toList());
  }

  @Test
  void javaOptsReplaceTheDefaultAndAreNotGlobbed() throws Exception {
    Result r = launch(app.resolve("bin/resource-plans"), Map.of("JAVA_OPTS", "-Xmx1g -Dx=*", "RP_CDS", "false"));
    assertEquals(0, r.exit, r.output);
    assertEquals(List.of("-Xmx1g", "-Dx=*", "-cp"), r.output.lines().limit(3).toList());
  }

  /**
   * Class data sharing: a start without a usable archive asks the JVM to write one at exit (and the
   * server to mark that it reached SERVING); the next start maps it only if it is complete (the
   * JVM's magic number, written last) and marked; an archive without the mark is written again.
   */
  @Test
  void writesAClassDataSharingArchiveOnceAndThenMapsIt() throws Exception {
    Path launcher = app.resolve("bin/resource-plans");
    String cds = app.toRealPath().resolve("cds").toString();
    Result first = launch(launcher, Map.of());
    assertEquals(0, first.exit, first.output);
    List<String> args = first.output.lines().toList();
    String dump = args.stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
    Path archive = Path.of(dump.substring(dump.indexOf('=') + 1));
    assertEquals(cds, archive.getParent().toString());
    assertTrue(args.contains("-Dresource-plans.cds.served=" + archive + ".served"), first.output);
    assertTrue(args.contains("-Xlog:cds=off"), first.output);

    // What the JVM writes when it stops: the magic number of a dynamic archive first (little-endian).
    Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0, 0, 0, 0});
    Result unmarked = launch(launcher, Map.of());
    assertTrue(unmarked.output.contains("-XX:ArchiveClassesAtExit=" + archive), unmarked.output);
    assertTrue(Files.notExists(archive), "an archive of a run that never served is removed");

    Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0, 0, 0, 0});
    Files.writeString(Path.of(archive + ".served"), "");
    Result next = launch(launcher, Map.of());
    assertTrue(next.output.lines().toList().contains("-XX:SharedArchiveFile=" + archive), next.output);
    assertTrue(next.output.lines().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-Dresource-plans.cds")), next.output);

    // Other options: another archive (the JVM refuses one made with other options).
    Result other = launch(launcher, Map.of("JAVA_OPTS", "-Xmx300m"));
    assertTrue(other.output.contains("-XX:ArchiveClassesAtExit=" + cds + "/"), other.output);
    assertTrue(!other.output.contains(archive.toString()), other.output);
  }

  @Test
  void noClassDataSharingWhenTheCallerChoseOrTheDirectoryIsReadOnly() throws Exception {
    Result own = launch(app.resolve("bin/resource-plans"), Map.of("JAVA_OPTS", "-XX:SharedArchiveFile=/x.jsa"));
    assertEquals(List.of("-XX:SharedArchiveFile=/x.jsa", "-cp"), own.output.lines().limit(2).toList());

    Files.createDirectories(app.resolve("cds"));
    Files.setPosixFilePermissions(app.resolve("cds"), PosixFilePermissions.fromString("r-xr-xr-x"));
    Result readOnly = launch(app.resolve("bin/resource-plans"), Map.of());
    assertEquals(0, readOnly.exit, readOnly.output);
    if (!"root".equals(System.getProperty("user.name"))) { // root may write anyway
      assertTrue(!readOnly.output.contains("Archive"), readOnly.output);
    }
  }

  @Test
  void findsItsHomeThroughASymlink() throws Exception {
    Path link = Files.createDirectories(temp.resolve("usr/local/bin")).resolve("resource-plans");
    Files.createSymbolicLink(link, Path.of("../../../resource-plans/bin/resource-plans"));
    Result r = launch(link, Map.of());
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains(app.toRealPath() + "/lib/*"), r.output);
  }

  @Test
  void refusesJavaOlderThan17() throws Exception {
    javaHome = fakeJava("11.0.2");
    Result r = launch(app.resolve("bin/resource-plans"), Map.of());
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("needs Java 17 or later") && r.output.contains("11.0.2"), r.output);

    javaHome = fakeJava("1.8.0_392");
    r = launch(app.resolve("bin/resource-plans"), Map.of());
    assertEquals(1, r.exit, r.output);
  }

  @Test
  void namesAMissingJava() throws Exception {
    javaHome = temp.resolve("no-such-java");
    Result r = launch(app.resolve("bin/resource-plans"), Map.of());
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("JAVA_HOME is " + javaHome), r.output);
  }

  /** Every setting in the example configuration is one the server knows. */
  @Test
  void exampleConfigurationNamesOnlyRealSettings() throws Exception {
    Set<String> known = ConfigLoader.OPTIONS.stream().map(ConfigLoader.Option::flag).collect(Collectors.toSet());
    Pattern setting = Pattern.compile("^#?([a-z][a-z0-9-]*) =");
    int settings = 0;
    for (String line : Files.readAllLines(DIST.resolve("conf/resource-plans.conf.example"), StandardCharsets.UTF_8)) {
      Matcher m = setting.matcher(line);
      if (m.find()) {
        settings++;
        assertTrue(known.contains(m.group(1)), "unknown setting in the example: " + line);
      }
    }
    assertTrue(settings >= 10, "settings found: " + settings);
  }

  private record Result(int exit, String output) {}

  private Result launch(Path launcher, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().putAll(env);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Result(p.exitValue(), output);
  }

  /** A JAVA_HOME whose release file says {@code version} and whose java prints its arguments. */
  private Path fakeJava(String version) throws Exception {
    Path home = Files.createDirectories(temp.resolve("java-" + version));
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    executable(home.resolve("bin/java"));
    return home;
  }

  private static void executable(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
