package io.resourceplans.domain.notification;

import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. A pass claims due rows in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, then a lease with a unique owner), delivers them with no transaction open, and records
 * each outcome in its own short transaction, but only while the lease is still its own. So any
 * number of dispatchers (threads or replicas) never deliver a row twice while leases hold, and a
 * row whose claimer died is claimed again once its lease runs out: nothing is lost by a restart.
 *
 * <p>Outcomes: internal messages are already stored, so DELIVERED at once; a channel the server
 * has no settings for is SKIPPED ("channel not configured"); a failed attempt is retried with
 * exponential backoff and jitter until {@code maxAttempts}, then FAILED with the last error; a
 * permanent failure is FAILED at once.
 */
public final class NotificationDispatcher {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  public static final String NOT_CONFIGURED = "channel not configured";
  private static final int MAX_ERROR_LENGTH = 1000;

  /** What one pass did. */
  public record Pass(int delivered, int skipped, int retried, int failed) {
    public int total() {
      return delivered + skipped + retried + failed;
    }
  }

  private final Transactor transactor;
  private final Clock clock;
  private final DispatchSettings settings;
  private final Map<Channel, NotificationSender> senders = new EnumMap<>(Channel.class);
  private final DoubleSupplier jitter;
  private final DeliveryObserver observer;
  private final String name;

  public NotificationDispatcher(
      Transactor transactor,
      Clock clock,
      DispatchSettings settings,
      List<NotificationSender> senders,
      DoubleSupplier jitter) {
    this(transactor, clock, settings, senders, jitter, DeliveryObserver.NONE);
  }

  /** As above, telling {@code observer} of every attempt (metrics). */
  public NotificationDispatcher(
      Transactor transactor,
      Clock clock,
      DispatchSettings settings,
      List<NotificationSender> senders,
      DoubleSupplier jitter,
      DeliveryObserver observer) {
    this.observer = observer;
    this.transactor = transactor;
    this.clock = clock;
    this.settings = settings;
    for (NotificationSender s : senders) {
      if (s.channel() == Channel.INTERNAL_MESSAGE) {
        throw new IllegalArgumentException("internal messages need no sender");
      }
      this.senders.put(s.channel(), s);
    }
    this.jitter = jitter;
    this.name = Ids.newId("dsp");
  }

  public DispatchSettings settings() {
    return settings;
  }

  /** Whether the channel can deliver (internal messages always can). */
  public boolean configured(Channel channel) {
    if (channel == Channel.INTERNAL_MESSAGE) {
      return true;
    }
    NotificationSender s = senders.get(channel);
    return s != null && s.configured();
  }

  /** Claims and delivers batches until nothing is due. */
  public Pass runOnce() {
    int delivered = 0;
    int skipped = 0;
    int retried = 0;
    int failed = 0;
    while (true) {
      String owner = name + ":" + Ids.newId("c");
      Instant now = Times.now(clock);
      List<Delivery> batch =
          transactor.inTransaction(
              tx -> tx.get(NotificationOutbox.class).claim(owner, now, now.plus(settings.lease()), settings.batchSize()));
      for (Delivery d : batch) {
        switch (deliver(d, owner)) {
          case DELIVERED -> delivered++;
          case SKIPPED -> skipped++;
          case FAILED -> failed++;
          case PENDING -> retried++;
        }
      }
      if (batch.size() < settings.batchSize()) {
        return new Pass(delivered, skipped, retried, failed);
      }
    }
  }

  /** Delivers one claimed row and records the outcome; returns the status it was left in. */
  private DeliveryStatus deliver(Delivery d, String owner) {
    if (d.channel() == Channel.INTERNAL_MESSAGE) {
      return finish(d, owner, DeliveryStatus.DELIVERED, null);
    }
    NotificationSender sender = senders.get(d.channel());
    if (sender == null || !sender.configured()) {
      return finish(d, owner, DeliveryStatus.SKIPPED, NOT_CONFIGURED);
    }
    try {
      sender.send(d);
      return finish(d, owner, DeliveryStatus.DELIVERED, null);
    } catch (DeliveryException e) {
      String error = truncate(e.getMessage());
      if (e.permanent() || d.attempts() >= settings.maxAttempts()) {
        log.warn("notification {} ({} to account {}) failed after {} attempt(s): {}",
            d.notificationId(), d.channel(), d.accountId(), d.attempts(), error);
        return finish(d, owner, DeliveryStatus.FAILED, error);
      }
      return retryLater(d, owner, error);
    } catch (RuntimeException e) {
      // A bug in a sender: count it as a failed attempt rather than stopping the pass.
      log.error("notification {}: sender failed unexpectedly", d.notificationId(), e);
      String error = "unexpected error: " + e.getClass().getSimpleName();
      if (d.attempts() >= settings.maxAttempts()) {
        return finish(d, owner, DeliveryStatus.FAILED, error);
      }
      return retryLater(d, owner, error);
    }
  }

  private DeliveryStatus retryLater(Delivery d, String owner, String error) {
    observer.attempted(d.channel(), AttemptOutcome.RETRYING);
    Instant now = Times.now(clock);
    Instant next = now.plus(settings.backoff(d.attempts(), jitter.getAsDouble()));
    boolean mine =
        transactor.inTransaction(
            tx ->
                tx.get(NotificationOutbox.class).retryLater(d.accountId(), d.notificationId(), owner, next, error)
                    && attempted(tx, d, now, AttemptOutcome.RETRYING, error, owner));
    if (!mine) {
      log.warn("notification {}: lease lost before recording a failed attempt", d.notificationId());
    }
    return DeliveryStatus.PENDING;
  }

  private DeliveryStatus finish(Delivery d, String owner, DeliveryStatus status, String error) {
    Instant now = Times.now(clock);
    AttemptOutcome outcome = AttemptOutcome.valueOf(status.name());
    // The attempt was made whether or not its outcome can still be recorded under the lease.
    observer.attempted(d.channel(), outcome);
    boolean mine =
        transactor.inTransaction(
            tx ->
                tx.get(NotificationOutbox.class).finish(d.accountId(), d.notificationId(), owner, status, error, now)
                    && attempted(tx, d, now, outcome, error, owner));
    if (!mine) {
      log.warn("notification {}: lease lost before recording {}", d.notificationId(), status);
    }
    return status;
  }

  /** Adds the attempt to the notification's history, in the transaction that recorded its outcome. */
  private static boolean attempted(Tx tx, Delivery d, Instant now, AttemptOutcome outcome, String error, String owner) {
    tx.get(DeliveryAttemptRepository.class).add(d.accountId(), d.notificationId(), now, outcome, error, owner);
    return true;
  }

  private static String truncate(String s) {
    if (s == null) {
      return "unknown error";
    }
    return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
  }
}
