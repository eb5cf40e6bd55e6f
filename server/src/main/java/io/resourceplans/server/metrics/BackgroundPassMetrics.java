package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The background passes (PeriodicTask: dispatchers, expiry reminders, hold expiry, spend alerts,
 * purges), by pass name: passes that ended well or failed, how long they took, and when one last
 * ended well, so that an operator can alert on a pass that keeps failing or has stopped running.
 */
@Singleton
public final class BackgroundPassMetrics {
  static final String PASSES = "rp.background.passes";
  static final String DURATION = "rp.background.pass.duration";
  static final String LAST_SUCCESS = "rp.background.pass.last.success.timestamp";

  private final MeterRegistry registry;
  private final Clock clock;
  private final ConcurrentMap<String, Meters> byPass = new ConcurrentHashMap<>();

  @Inject
  public BackgroundPassMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** The meters of one pass, registered when its task is made, so a pass that never ran shows 0. */
  public void register(String pass) {
    meters(pass);
  }

  /** A pass that ended well after {@code nanos}. */
  public void succeeded(String pass, long nanos) {
    Meters m = meters(pass);
    m.ok.increment();
    m.duration.record(nanos, TimeUnit.NANOSECONDS);
    m.lastSuccessMillis.set(clock.millis());
  }

  /** A pass that failed (it is tried again next period) after {@code nanos}. */
  public void failed(String pass, long nanos) {
    Meters m = meters(pass);
    m.failed.increment();
    m.duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Meters meters(String pass) {
    return byPass.computeIfAbsent(pass, this::newMeters);
  }

  private Meters newMeters(String pass) {
    AtomicLong lastSuccess = new AtomicLong();
    Gauge.builder(LAST_SUCCESS, lastSuccess, v -> v.get() / 1000.0)
        .description("When the pass last ended well (Unix time); 0 until it has")
        .baseUnit("seconds")
        .tag("pass", pass)
        .register(registry);
    return new Meters(
        passes(pass, "ok"),
        passes(pass, "failed"),
        Timer.builder(DURATION).description("How long background passes took").tag("pass", pass).register(registry),
        lastSuccess);
  }

  private Counter passes(String pass, String result) {
    return Counter.builder(PASSES)
        .description("Background passes run, by pass and result (ok, failed: tried again next period)")
        .tags("pass", pass, "result", result)
        .register(registry);
  }

  private record Meters(Counter ok, Counter failed, Timer duration, AtomicLong lastSuccessMillis) {}
}
