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
  void readsThisProcessOnLinux() throws Exception {
    Path self = Path.of("/proc/self/status");
    if (Files.isReadable(self)) {
      assertTrue(ProcStatus.vmRssKib(Files.readString(self)).getAsLong() > 1_000);
    }
  }
}
