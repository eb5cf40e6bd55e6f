package io.resourceplans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  @Test
  void readsVmRssInKib() {
    String status = """
        Name:\tjava
        VmPeak:\t 4512344 kB
        VmHWM:\t  240120 kB
        VmRSS:\t  231456 kB
        RssAnon:\t  200000 kB
        """;
    assertEquals(231_456, ProcStatus.vmRssKib(status).getAsLong());
    assertTrue(ProcStatus.vmRssKib("Name:\tkthreadd\n").isEmpty());
  }

  @Test
  void readsCpuTicksAfterTheCommandName() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 25000 0 12 0 187 45 0 0 20 0 40 0 123 456\n";
    assertEquals(187 + 45, ProcStatus.cpuTicks(stat).getAsLong());
    assertTrue(ProcStatus.cpuTicks("4242 (java) S 1 2").isEmpty());
    assertTrue(ProcStatus.cpuTicks("no stat here").isEmpty());
  }

  @Test
  void readsThisProcessOnLinux() throws Exception {
    Path self = Path.of("/proc/self/status");
    if (Files.isReadable(self)) {
      assertTrue(ProcStatus.vmRssKib(Files.readString(self)).getAsLong() > 1_000);
      // This JVM has loaded and run JUnit: well over one tick of CPU.
      assertTrue(ProcStatus.cpuTicks(Files.readString(Path.of("/proc/self/stat"))).getAsLong() > 1);
    }
  }
}
