package io.resourceplans.domain.notification;

import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.clock.TestClockRepository;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.quota.PlanPackage;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Expiry reminders: for every package with quota left that has not expired, at each configured
 * offset before its expiry (whose moment has come, and had not already passed when the package was
 * bought), one notification per channel the account has. Exactly once per package, offset and
 * channel, with any number of replicas and restarts: the outbox's unique dedupe key
 * {@code reminder:<package_id>:<offset>d:<channel>} decides, not this process.
 */
@Singleton
public final class ExpiryReminderService {
  private static final int DEFAULT_BATCH_SIZE = 200;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final Transactor transactor;
  private final Notifier notifier;
  private final ReminderSettings settings;
  private final int batchSize;
  private final WebhookEvents webhooks;

  @Inject
  public ExpiryReminderService(
      Transactor transactor, Notifier notifier, ReminderSettings settings, WebhookEvents webhooks) {
    this(transactor, notifier, settings, DEFAULT_BATCH_SIZE, webhooks);
  }

  /** {@code batchSize} packages are reminded per transaction; no webhook endpoint is told. */
  public ExpiryReminderService(Transactor transactor, Notifier notifier, ReminderSettings settings, int batchSize) {
    this(transactor, notifier, settings, batchSize, null);
  }

  /**
   * {@code batchSize} packages are reminded per transaction; {@code webhooks} (null = none) gets a
   * PACKAGE_EXPIRING event per package and offset, in the transaction of its reminder.
   */
  public ExpiryReminderService(
      Transactor transactor, Notifier notifier, ReminderSettings settings, int batchSize, WebhookEvents webhooks) {
    this.webhooks = webhooks;
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.transactor = transactor;
    this.notifier = notifier;
    this.settings = settings;
    this.batchSize = batchSize;
  }

  /**
   * One pass over all accounts in real time (test-clock accounts are left to their clock), a batch
   * per transaction. Returns the outbox rows written.
   */
  public int runOnce(Instant now) {
    // Packages past expiry are marked first (PackageRepository.markLapsed): the pass that tells
    // customers about expiry keeps the listings' expired set too.
    transactor.inTransaction(tx -> lapse(tx, now, null));
    int written = 0;
    for (int days : settings.offsetsDays()) {
      ExpiryReminderRepository.Position after = null;
      while (true) {
        ExpiryReminderRepository.Position from = after;
        Batch batch = transactor.inTransaction(tx -> runBatch(tx, days, now, from, null));
        written += batch.written();
        if (batch.last() == null) {
          break;
        }
        after = batch.last();
      }
    }
    return written;
  }

  /**
   * What the real schedulers would have done for the accounts of a test clock while its time moved
   * from {@code from} to {@code to}, in the caller's transaction: a pass at every moment in between
   * when one of their packages expired or a reminder of one became due (its expiry minus an
   * offset), in time order, dated at that moment, then one at {@code to}. So a long advance marks
   * each package lapsed (a {@code package.expired} event) and queues each reminder a real timeline
   * would have, in order, once (the dedupe keys), and none of a package that ran out or expired
   * first. Returns the outbox rows written.
   */
  public int runForTestClock(Tx tx, String testClockId, Instant from, Instant to) {
    long longest = settings.offsetsDays().isEmpty() ? 0 : settings.offsetsDays().get(0);
    TreeSet<Instant> moments = new TreeSet<>();
    for (Instant expiry : tx.get(TestClockRepository.class).packageExpiries(testClockId, from, to.plus(Duration.ofDays(longest)))) {
      if (!expiry.isAfter(to)) {
        moments.add(expiry);
      }
      for (int days : settings.offsetsDays()) {
        Instant due = expiry.minus(Duration.ofDays(days));
        if (due.isAfter(from) && due.isBefore(to)) {
          moments.add(due);
        }
      }
    }
    moments.add(to);
    int written = 0;
    for (Instant moment : moments) {
      lapse(tx, moment, testClockId);
      for (int days : settings.offsetsDays()) {
        ExpiryReminderRepository.Position after = null;
        while (true) {
          Batch batch = runBatch(tx, days, moment, after, testClockId);
          written += batch.written();
          if (batch.last() == null) {
            break;
          }
          after = batch.last();
        }
      }
    }
    return written;
  }

  /**
   * Marks the packages past expiry at {@code now} lapsed (PackageRepository.markLapsed), each with
   * a PACKAGE_EXPIRED webhook event dated {@code now}, in the caller's transaction: of real-time
   * accounts, or of the accounts of {@code testClockId} at its time {@code now}.
   */
  private int lapse(Tx tx, Instant now, String testClockId) {
    List<PlanPackage> lapsed = tx.get(PackageRepository.class).markLapsed(now, testClockId);
    if (webhooks != null) {
      for (PlanPackage p : lapsed) {
        webhooks.emit(tx, p.accountId(), WebhookEventKind.PACKAGE_EXPIRED, "expired:" + p.packageId(), now, expiredData(p));
      }
    }
    return lapsed.size();
  }

  private record Batch(int written, ExpiryReminderRepository.Position last) {}

  private Batch runBatch(
      Tx tx, int days, Instant now, ExpiryReminderRepository.Position after, String testClockId) {
    // Every reminder has an internal message (always reachable), so its key marks the package done.
    List<DuePackage> due =
        tx.get(ExpiryReminderRepository.class)
            .due(Duration.ofDays(days), "reminder:", ":" + days + "d:" + Channel.INTERNAL_MESSAGE.name(), now, after,
                batchSize, testClockId);
    int written = 0;
    for (DuePackage d : due) {
      written += notifier.queue(tx, d.account(), Channel.all(), reminder(d.pkg(), days, now), now);
      if (webhooks != null) {
        webhooks.emit(
            tx, d.pkg().accountId(), WebhookEventKind.PACKAGE_EXPIRING, dedupePrefix(d.pkg().packageId(), days), now,
            expiringData(d.pkg(), days, now));
      }
    }
    if (due.size() < batchSize) {
      return new Batch(written, null);
    }
    PlanPackage last = due.get(due.size() - 1).pkg();
    return new Batch(written, new ExpiryReminderRepository.Position(last.expireTime(), last.accountId(), last.packageId()));
  }

  /** The dedupe prefix of a package's reminder at an offset; the channel is appended per row. */
  static String dedupePrefix(String packageId, long offsetDays) {
    return "reminder:" + packageId + ":" + offsetDays + "d";
  }

  /** The data of a PACKAGE_EXPIRED webhook event (docs/webhooks.md). */
  private static Map<String, Object> expiredData(PlanPackage p) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("packageId", p.packageId());
    data.put("packageName", p.displayName());
    data.put("productId", p.productId());
    data.put("remainingQuantity", p.remainingQuantity());
    data.put("expireTime", p.expireTime().toString());
    return data;
  }

  /** The data of a PACKAGE_EXPIRING webhook event (docs/webhooks.md). */
  private static Map<String, Object> expiringData(PlanPackage p, int offsetDays, Instant now) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("packageId", p.packageId());
    data.put("packageName", p.displayName());
    data.put("productId", p.productId());
    data.put("remainingQuantity", p.remainingQuantity());
    data.put("expireTime", p.expireTime().toString());
    data.put("reminderOffsetDays", (long) offsetDays);
    data.put("daysLeft", daysLeft(now, p.expireTime()));
    return data;
  }

  private static Notice reminder(PlanPackage p, int offsetDays, Instant now) {
    long daysLeft = daysLeft(now, p.expireTime());
    return new Notice(
        NotificationKind.EXPIRY_REMINDER,
        Map.of(
            "packageId", p.packageId(),
            "packageName", p.displayName(),
            "productId", p.productId(),
            "remaining", Long.toString(p.remainingQuantity()),
            "expiryDate", DATE.format(p.expireTime()),
            "daysLeft", Long.toString(daysLeft),
            "dayUnit", daysLeft == 1 ? "one" : "other"),
        p.productId(),
        p.packageId(),
        dedupePrefix(p.packageId(), offsetDays));
  }

  /** Whole days left, a started day counting as one. */
  static long daysLeft(Instant now, Instant expireTime) {
    Duration left = Duration.between(now, expireTime);
    long days = left.toDays();
    return left.minusDays(days).isZero() ? days : days + 1;
  }
}
