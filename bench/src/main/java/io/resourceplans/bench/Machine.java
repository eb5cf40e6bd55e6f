package io.resourceplans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine the figures come from, for labelling them. */
record Machine(int processors, String cpu, String memory, String os, String java, String postgres) {

  static Machine describe(String postgresVersion) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
        procLine("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        postgresVersion);
  }

  String label() {
    return processors + " CPUs (" + cpu + "), " + memory + " RAM, " + os + ", " + java + ", " + postgres;
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "24590432 kB" → "23.5 GiB". */
  private static String gibibytes(String memTotal) {
    try {
      long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
      return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    } catch (NumberFormatException e) {
      return memTotal;
    }
  }
}
