package io.resourceplans.domain.alert;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.catalog.ProductRepository;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.Product;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Notice;
import io.resourceplans.domain.notification.NotificationKind;
import io.resourceplans.domain.notification.Notifier;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.domain.quota.PackageRepository;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.clock.AccountClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remaining-quota alerts per product and purpose. The remaining quantity compared is the sum over
 * active packages of exactly that product and purpose, all regions. Crossing rule: an ARMED setting
 * whose remaining quantity is below the threshold queues one alert and becomes TRIGGERED; a
 * TRIGGERED one whose remaining quantity is at least the threshold again re-arms, silently. Every
 * evaluation holds the setting's row lock, so concurrent transactions queue one alert, not two.
 */
@Singleton
public final class AlertService {
  private final Clock clock;
  private final AccountClock accountClock;
  private final Notifier notifier;
  private final WebhookEvents webhooks;

  /** With each account's own time (test clocks). */
  @Inject
  public AlertService(Clock clock, Notifier notifier, AccountClock accountClock, WebhookEvents webhooks) {
    this.clock = clock;
    this.notifier = notifier;
    this.accountClock = accountClock;
    this.webhooks = webhooks;
  }

  /** As above, with webhooks delivered on the default schedule. */
  public AlertService(Clock clock, Notifier notifier, AccountClock accountClock) {
    this(clock, notifier, accountClock, new WebhookEvents(clock, WebhookSettings.defaults()));
  }

  /**
   * Sets or replaces the threshold. A new threshold starts ARMED; replacing it with the same
   * threshold keeps the state (so a repeated set does not alert twice). Then the crossing rule runs:
   * already below the threshold means one alert right away.
   */
  public AlertSettingView set(
      Tx tx, Principal caller, String productId, Purpose purpose, long threshold, Set<Channel> channels) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    requireProduct(tx, productId);
    if (threshold <= 0) {
      throw DomainException.invalid("threshold", "must be greater than 0");
    }
    Set<Channel> chosen = channels.isEmpty() ? Channel.all() : channels;
    Instant now = accountClock.now(tx, accountId);
    // A usage in flight may have checked for a setting before this one exists: wait for it, so the
    // remaining quantity read below includes its deduction. Packages first, then the setting: the
    // order the usage path locks them in.
    tx.get(PackageRepository.class).shareLockActive(accountId, productId, purpose, now);
    AlertSetting fresh = new AlertSetting(accountId, productId, purpose, threshold, chosen, AlertState.ARMED, null, now);
    AlertSetting setting = fresh;
    if (!tx.get(AlertSettingRepository.class).insertIfAbsent(fresh)) {
      AlertSetting current = tx.get(AlertSettingRepository.class).lock(accountId, productId, purpose).orElseThrow();
      AlertState state = current.threshold() == threshold ? current.state() : AlertState.ARMED;
      setting = new AlertSetting(accountId, productId, purpose, threshold, chosen, state, current.lastAlertTime(), now);
      tx.get(AlertSettingRepository.class).update(setting);
    }
    long remaining = remaining(tx, accountId, productId, purpose, now);
    return AlertSettingView.of(apply(tx, setting, remaining, now), remaining);
  }

  /** Removes the threshold; clearing one that is not set succeeds. */
  public AlertSettingView clear(Tx tx, Principal caller, String productId, Purpose purpose) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    requireProduct(tx, productId);
    tx.get(AlertSettingRepository.class).delete(accountId, productId, purpose);
    return AlertSettingView.notSet(productId, purpose, remaining(tx, accountId, productId, purpose, accountClock.now(tx, accountId)));
  }

  /**
   * Every product of the catalog (or the one asked for) × every purpose, by product then purpose;
   * combinations without a threshold read NOT_SET. The page cursor's ID is "product/PURPOSE".
   */
  public Page<AlertSettingView> list(Tx tx, Principal caller, String productId, PageRequest page) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    List<String> productIds = new ArrayList<>();
    if (productId != null) {
      requireProduct(tx, productId);
      productIds.add(productId);
    } else {
      productIds.addAll(allProductIds(tx));
      // Code-point order, whatever the database's collation, so the cursor comparison agrees.
      productIds.sort(null);
    }
    Instant now = accountClock.now(tx, accountId);
    Map<String, AlertSetting> settings = new HashMap<>();
    for (AlertSetting s : tx.get(AlertSettingRepository.class).list(accountId, productId)) {
      settings.put(key(s.productId(), s.purpose()), s);
    }
    Map<String, Map<Purpose, Long>> remaining = new HashMap<>();
    for (PackageRepository.ActiveTotal t : tx.get(PackageRepository.class).activeTotals(accountId, productId, null, now)) {
      remaining.computeIfAbsent(t.productId(), p -> new EnumMap<>(Purpose.class)).put(t.purpose(), t.remaining());
    }
    Optional<String> after = page.after().map(Cursor::id);
    after.ifPresent(AlertService::requireCursor);
    List<AlertSettingView> rows = new ArrayList<>();
    fill:
    for (String id : productIds) {
      for (Purpose purpose : Purpose.values()) {
        String key = key(id, purpose);
        if (after.isPresent() && compare(key, after.get()) <= 0) {
          continue;
        }
        long left = remaining.getOrDefault(id, Map.of()).getOrDefault(purpose, 0L);
        AlertSetting s = settings.get(key);
        rows.add(s == null ? AlertSettingView.notSet(id, purpose, left) : AlertSettingView.of(s, left));
        if (rows.size() > page.size()) {
          break fill;
        }
      }
    }
    return Page.fromOverfetch(rows, page, v -> new Cursor(Instant.EPOCH, key(v.productId(), v.purpose())));
  }

  /**
   * The crossing rule, in the caller's transaction (the usage path, payment): locks the setting of
   * the product and purpose, if any, and queues one alert or re-arms as the remaining quantity now
   * requires. Does nothing when no threshold is set.
   */
  public void evaluate(Tx tx, String accountId, String productId, Purpose purpose, Instant now) {
    Optional<AlertSetting> setting = tx.get(AlertSettingRepository.class).lock(accountId, productId, purpose);
    if (setting.isEmpty()) {
      return;
    }
    apply(tx, setting.get(), remaining(tx, accountId, productId, purpose, now), now);
  }

  /** The setting's row must be locked by this transaction. */
  private AlertSetting apply(Tx tx, AlertSetting setting, long remaining, Instant now) {
    if (setting.state() == AlertState.ARMED && remaining < setting.threshold()) {
      AlertSetting triggered = setting.triggered(now);
      tx.get(AlertSettingRepository.class).update(triggered);
      Account account = tx.get(AccountRepository.class).find(setting.accountId()).orElseThrow();
      Notice notice = alert(setting, remaining);
      notifier.queue(tx, account, setting.channels(), notice, now);
      webhooks.emit(
          tx, setting.accountId(), WebhookEventKind.QUOTA_ALERT_CROSSED, notice.dedupePrefix(), now,
          alertData(setting, remaining));
      return triggered;
    }
    if (setting.state() == AlertState.TRIGGERED && remaining >= setting.threshold()) {
      AlertSetting rearmed = setting.rearmed();
      tx.get(AlertSettingRepository.class).update(rearmed);
      return rearmed;
    }
    return setting;
  }

  /** The data of a QUOTA_ALERT_CROSSED webhook event (docs/webhooks.md). */
  private static Map<String, Object> alertData(AlertSetting s, long remaining) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("productId", s.productId());
    data.put("purpose", s.purpose().name());
    data.put("threshold", s.threshold());
    data.put("remaining", remaining);
    return data;
  }

  private static Notice alert(AlertSetting s, long remaining) {
    return new Notice(
        NotificationKind.QUOTA_ALERT,
        Map.of(
            "productId", s.productId(),
            "purpose", s.purpose().name(),
            "remaining", Long.toString(remaining),
            "threshold", Long.toString(s.threshold())),
        s.productId(),
        "",
        // Each crossing is its own event; the row lock, not this key, makes it happen once.
        "alert:" + s.productId() + ":" + s.purpose().name() + ":" + Ids.newId("evt"));
  }


  private static long remaining(Tx tx, String accountId, String productId, Purpose purpose, Instant now) {
    return tx.get(PackageRepository.class).activeTotals(accountId, productId, null, now).stream()
        .filter(t -> t.productId().equals(productId) && t.purpose() == purpose)
        .mapToLong(PackageRepository.ActiveTotal::remaining)
        .sum();
  }

  private static void requireProduct(Tx tx, String productId) {
    tx.get(ProductRepository.class).find(productId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "product", productId));
  }

  private static List<String> allProductIds(Tx tx) {
    List<String> ids = new ArrayList<>();
    PageRequest products = PageRequest.first(PageRequest.MAX_PAGE_SIZE, "alert-products");
    while (true) {
      Page<Product> batch = tx.get(ProductRepository.class).list(products);
      batch.items().stream().map(Product::productId).forEach(ids::add);
      if (batch.nextPageToken().isEmpty()) {
        return ids;
      }
      products = PageRequest.of(PageRequest.MAX_PAGE_SIZE, PageRequest.MAX_PAGE_SIZE, batch.nextPageToken().get(), "alert-products");
    }
  }

  private static String key(String productId, Purpose purpose) {
    return productId + "/" + purpose.name();
  }

  /** Product IDs never contain '/', so comparing (product, purpose order) is exact. */
  private static int compare(String a, String b) {
    String[] x = a.split("/", 2);
    String[] y = b.split("/", 2);
    int byProduct = x[0].compareTo(y[0]);
    return byProduct != 0 ? byProduct : Purpose.valueOf(x[1]).compareTo(Purpose.valueOf(y[1]));
  }

  private static void requireCursor(String id) {
    String[] parts = id.split("/", 2);
    boolean valid = parts.length == 2 && !parts[0].isEmpty();
    if (valid) {
      try {
        Purpose.valueOf(parts[1]);
      } catch (IllegalArgumentException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new DomainException(
          ErrorCode.PAGE_TOKEN_INVALID,
          "page_token is not a token returned by this list",
          Map.of(),
          List.of(new FieldViolation("page_token", "is not a token returned by this list")));
    }
  }
}
