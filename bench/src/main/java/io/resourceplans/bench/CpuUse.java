package io.resourceplans.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Who used the CPUs during a measured period, from Linux's /proc: this JVM (client and server),
 * the PostgreSQL processes, pgbench, and everything else. The machine may be shared; a busy
 * "other" share means the figures of that period understate what the service can do.
 */
final class CpuUse {
  /** Cumulative CPU ticks at one instant. */
  record Sample(long total, long idle, long self, long postgres, long pgbench, long nanos) {}

  /** Shares of all CPUs' time over a period, 0..1 each. */
  record Shares(double self, double postgres, double pgbench, double other, double idle) {
    String describe(int processors) {
      return String.format(Locale.ROOT,
          "of %d CPUs: benchmark JVM %.0f%%, PostgreSQL %.0f%%%s, other processes %.0f%%, idle %.0f%%",
          processors, self * 100, postgres * 100, pgbench > 0.005 ? String.format(Locale.ROOT, ", pgbench %.0f%%", pgbench * 100) : "",
          other * 100, idle * 100);
    }
  }

  private CpuUse() {}

  /** Empty where /proc is not readable (not Linux). */
  static Optional<Sample> sample() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      if (!cpu[0].equals("cpu")) {
        return Optional.empty();
      }
      long total = 0;
      // user nice system idle iowait irq softirq steal (guest time is already inside user)
      for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
      long self = ticks(Path.of("/proc/self/stat")).orElse(0L);
      long postgres = 0;
      long pgbench = 0;
      try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
        for (Path process : processes) {
          Optional<String> comm = command(process.resolve("stat"));
          if (comm.isEmpty()) {
            continue;
          }
          if (comm.get().equals("postgres")) {
            postgres += ticks(process.resolve("stat")).orElse(0L);
          } else if (comm.get().equals("pgbench")) {
            pgbench += ticks(process.resolve("stat")).orElse(0L);
          }
        }
      }
      return Optional.of(new Sample(total, idle, self, postgres, pgbench, System.nanoTime()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Shares> between(Optional<Sample> start, Optional<Sample> end) {
    if (start.isEmpty() || end.isEmpty() || end.get().total() <= start.get().total()) {
      return Optional.empty();
    }
    Sample a = start.get();
    Sample b = end.get();
    double total = b.total() - a.total();
    double self = (b.self() - a.self()) / total;
    double postgres = Math.max(0, b.postgres() - a.postgres()) / total;
    double pgbench = Math.max(0, b.pgbench() - a.pgbench()) / total;
    double idle = (b.idle() - a.idle()) / total;
    double other = Math.max(0, 1 - idle - self - postgres - pgbench);
    return Optional.of(new Shares(self, postgres, pgbench, other, idle));
  }

  /** utime + stime of a /proc/[pid]/stat file (fields 14 and 15, after the parenthesised name). */
  private static Optional<Long> ticks(Path stat) {
    try {
      String line = Files.readString(stat);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state): utime is field 14, stime field 15
      return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended meanwhile
    }
  }

  private static Optional<String> command(Path stat) {
    try {
      String line = Files.readString(stat);
      return Optional.of(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
