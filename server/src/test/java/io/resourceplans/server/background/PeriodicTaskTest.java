package io.resourceplans.server.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resourceplans.server.metrics.BackgroundPassMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A periodic pass keeps its schedule through failures, and each pass is counted by its result. */
class PeriodicTaskTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void aFailingPassIsCountedAndTheNextOneStillRuns() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackgroundPassMetrics metrics = new BackgroundPassMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    AtomicInteger runs = new AtomicInteger();
    // Every other pass throws, the first one included.
    PeriodicTask task = new PeriodicTask("flaky", Duration.ofMillis(10), Duration.ofSeconds(1), metrics, () -> {
      if (runs.incrementAndGet() % 2 == 1) {
        throw new IllegalStateException("an odd pass fails");
      }
    });
    // Registered before any pass: a pass that never ran shows 0, not nothing.
    assertEquals(0, registry.get("rp.background.passes").tags("pass", "flaky", "result", "ok").counter().count());
    assertEquals(0, registry.get("rp.background.pass.last.success.timestamp").tags("pass", "flaky").gauge().value());
    task.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (runs.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      task.stop();
    }
    double ok = registry.get("rp.background.passes").tags("pass", "flaky", "result", "ok").counter().count();
    double failed = registry.get("rp.background.passes").tags("pass", "flaky", "result", "failed").counter().count();
    assertTrue(runs.get() >= 4, "the schedule went on after a failed pass: " + runs.get() + " runs");
    assertEquals(runs.get(), (int) (ok + failed));
    assertTrue(ok >= 2 && failed >= 2, ok + " ok, " + failed + " failed");
    assertEquals(runs.get(), registry.get("rp.background.pass.duration").tags("pass", "flaky").timer().count());
    assertEquals(NOW.getEpochSecond(),
        registry.get("rp.background.pass.last.success.timestamp").tags("pass", "flaky").gauge().value());
  }
}
