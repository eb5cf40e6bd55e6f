package io.resourceplans.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.server.testing.NettyServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example app runs against the real server, and says what it should. */
class QuickStartTest {
  @RegisterExtension
  static final NettyServerExtension server = new NettyServerExtension(NettyServerExtension.defaultLimits());

  @Test
  void theExampleBuysRecordsPagesAndHandlesTheRefusal() throws Exception {
    List<String> lines = run(() -> QuickStart.main(args()));

    assertTrue(lines.get(0).matches("recorded 20 as [0-9a-f-]{36}"), lines.get(0));
    assertTrue(lines.get(1).matches("package \\S+: 980 left"), lines.get(1));
    assertTrue(lines.get(2).matches("refused: buy more first \\([0-9a-f-]{36}\\)"), lines.get(2));
    assertEquals(3, lines.size(), String.join("\n", lines));
  }

  @Test
  void theStubVersionDoesTheSame() throws Exception {
    List<String> lines = run(() -> QuickStartWithStubs.main(args()));

    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).matches("package \\S+: 980 left"), lines.get(1));
    assertTrue(lines.get(2).startsWith("refused: buy more first"), lines.get(2));
  }

  @Test
  void theLibraryVersionIsTheShorterOne() throws IOException {
    long library = codeLines("QuickStart.java");
    long stubs = codeLines("QuickStartWithStubs.java");
    System.out.println("example lines of code: client library " + library + ", plain stubs " + stubs);
    assertTrue(library < stubs, library + " vs " + stubs);
  }

  private static String[] args() {
    return new String[] {"127.0.0.1:" + server.port(), NettyServerExtension.OPERATOR_KEY};
  }

  private interface Main {
    void run() throws Exception;
  }

  private static List<String> run(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Lines that are neither blank nor comments. */
  static long codeLines(String file) throws IOException {
    return Files.readAllLines(Path.of("src/main/java/io/resourceplans/examples", file)).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//"))
        .count();
  }
}
