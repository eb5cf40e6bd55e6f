package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.notification.AttemptOutcome;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.DeliveryObserver;
import io.resourceplans.domain.notification.DeliveryStatus;
import io.resourceplans.domain.notification.NotificationOutbox;
import io.resourceplans.domain.notification.OutboxBacklog;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.storage.db.DatabaseReachability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification outbox: delivery attempts by channel and result (told by the dispatcher),
 * expiry reminders queued, and the backlog (PENDING and FAILED rows by channel, the oldest PENDING
 * row's age, how long the most overdue one has been due). The backlog comes from one aggregate
 * query, run when a scrape asks and the last reading is older than {@link #BACKLOG_MAX_AGE}, so
 * scrapes (from several Prometheus servers, or a storm) cost the database one query per that
 * period at most; while the database does not answer, the backlog gauges are NaN.
 */
@Singleton
public final class NotificationMetrics implements DeliveryObserver {
  private static final Logger log = LoggerFactory.getLogger(NotificationMetrics.class);

  /** How long one backlog reading is reused. */
  public static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

  static final String DELIVERIES = "rp.notification.deliveries";
  static final String REMINDERS = "rp.reminders.sent";
  static final String BACKLOG = "rp.notifications.backlog";
  static final String OLDEST_PENDING_AGE = "rp.notifications.oldest.pending.age";
  static final String DUE_LAG = "rp.notifications.due.lag";

  private static final List<DeliveryStatus> BACKLOG_STATUSES = List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);

  private final MeterRegistry registry;
  private final Transactor transactor;
  private final DatabaseReachability database;
  private final Clock clock;
  private final Map<Channel, Map<AttemptOutcome, Counter>> deliveries = new EnumMap<>(Channel.class);
  private final Counter reminders;

  /** The last backlog reading (null when the database could not be read) and when it was taken. */
  private Reading last;

  private record Reading(long nanoTime, Instant at, Map<Channel, Map<DeliveryStatus, OutboxBacklog>> rows) {}

  @Inject
  public NotificationMetrics(MeterRegistry registry, Transactor transactor, DatabaseReachability database, Clock clock) {
    this.registry = registry;
    this.transactor = transactor;
    this.database = database;
    this.clock = clock;
    for (Channel channel : Channel.values()) {
      Map<AttemptOutcome, Counter> byOutcome = new EnumMap<>(AttemptOutcome.class);
      for (AttemptOutcome outcome : AttemptOutcome.values()) {
        byOutcome.put(
            outcome,
            Counter.builder(DELIVERIES)
                .description("Notification delivery attempts by channel and result: sent, retry (failed, tried again later), failed (for good), skipped (channel not configured)")
                .tags("channel", channel.name(), "result", result(outcome))
                .register(registry));
      }
      deliveries.put(channel, byOutcome);
    }
    this.reminders =
        Counter.builder(REMINDERS)
            .description("Expiry-reminder notifications queued by the server's reminder pass (one per package, offset and channel)")
            .register(registry);
  }

  private static String result(AttemptOutcome outcome) {
    return switch (outcome) {
      case DELIVERED -> "sent";
      case SKIPPED -> "skipped";
      case RETRYING -> "retry";
      case FAILED -> "failed";
    };
  }

  @Override
  public void attempted(Channel channel, AttemptOutcome outcome) {
    deliveries.get(channel).get(outcome).increment();
  }

  /** {@code count} expiry-reminder notifications were queued. */
  public void remindersQueued(int count) {
    reminders.increment(count);
  }

  /** Registers the backlog gauges (one per channel and status: a fixed set). */
  void bindBacklog() {
    for (Channel channel : Channel.values()) {
      for (DeliveryStatus status : BACKLOG_STATUSES) {
        gauge(BACKLOG, channel, status, r -> count(r, channel, status), null,
            "Outbox rows waiting for delivery (PENDING) or given up (FAILED, until an operator retries them), by channel");
      }
      gauge(OLDEST_PENDING_AGE, channel, null, r -> age(r, channel, OutboxBacklog::oldestCreateTime), "seconds",
          "Age of the oldest PENDING outbox row of the channel; 0 when there is none");
      gauge(DUE_LAG, channel, null, r -> age(r, channel, OutboxBacklog::oldestDueTime), "seconds",
          "How long the most overdue PENDING row of the channel has been due (a dispatcher that keeps up keeps it near 0)");
    }
  }

  private void gauge(
      String name, Channel channel, DeliveryStatus status, ToDoubleFunction<Reading> value, String unit, String help) {
    Gauge.Builder<NotificationMetrics> gauge =
        Gauge.builder(name, this, m -> {
              Reading r = m.reading();
              return r == null ? Double.NaN : value.applyAsDouble(r);
            })
            .description(help)
            .tag("channel", channel.name());
    if (status != null) {
      gauge.tag("status", status.name());
    }
    if (unit != null) {
      gauge.baseUnit(unit);
    }
    gauge.register(registry);
  }

  private static double count(Reading r, Channel channel, DeliveryStatus status) {
    OutboxBacklog b = r.rows().getOrDefault(channel, Map.of()).get(status);
    return b == null ? 0 : b.count();
  }

  private static double age(Reading r, Channel channel, java.util.function.Function<OutboxBacklog, Instant> since) {
    OutboxBacklog b = r.rows().getOrDefault(channel, Map.of()).get(DeliveryStatus.PENDING);
    if (b == null || since.apply(b) == null) {
      return 0;
    }
    return Math.max(0, Duration.between(since.apply(b), r.at()).toMillis() / 1000.0);
  }

  /** The backlog as of at most {@link #BACKLOG_MAX_AGE} ago; null when the database cannot be read. */
  private synchronized Reading reading() {
    long now = System.nanoTime();
    if (last != null && now - last.nanoTime() < BACKLOG_MAX_AGE.toNanos()) {
      return last.rows() == null ? null : last;
    }
    Map<Channel, Map<DeliveryStatus, OutboxBacklog>> rows = null;
    Instant at = Times.now(clock);
    if (database.isUp()) {
      try {
        rows = new EnumMap<>(Channel.class);
        for (OutboxBacklog b : transactor.readOnly(tx -> tx.get(NotificationOutbox.class).backlog())) {
          rows.computeIfAbsent(b.channel(), c -> new EnumMap<>(DeliveryStatus.class)).put(b.status(), b);
        }
      } catch (RuntimeException e) {
        log.debug("outbox backlog not read: {}", e.toString());
        rows = null;
      }
    }
    last = new Reading(now, at, rows);
    return rows == null ? null : last;
  }
}
