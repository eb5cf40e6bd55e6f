package io.resourceplans.domain.billing;

import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.money.Money;
import io.resourceplans.domain.money.SettlementCurrency;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Pay-as-you-go spend alerts (docs/webhooks.md, {@code payg.spend_threshold_crossed}). The spend
 * is counted from the ledger by a pass, not on the usage path: usage and holds stay as they are,
 * and the event follows the crossing within a pass period and {@link #SETTLED}. Ledger times are
 * the server's real time, so months are calendar months in UTC, for test-clock accounts too.
 */
@Singleton
public final class PayAsYouGoSpendAlerts {
  /**
   * Entries older than this are counted: a ledger entry's time is set inside its transaction,
   * which commits a little later, so the latest moments are left to the next pass.
   */
  public static final Duration SETTLED = Duration.ofMinutes(1);
  private static final int BATCH = 100;

  private final Clock clock;
  private final SettlementCurrency currency;
  private final Transactor transactor;
  private final WebhookEvents webhooks;

  @Inject
  public PayAsYouGoSpendAlerts(Clock clock, SettlementCurrency currency, Transactor transactor, WebhookEvents webhooks) {
    this.clock = clock;
    this.currency = currency;
    this.transactor = transactor;
    this.webhooks = webhooks;
  }

  /** Sets or replaces the alert, armed for this month with its spend counted up to a minute ago. */
  public PayAsYouGoSpendAlert set(Tx tx, Principal caller, Money threshold) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    currency.require(threshold, "threshold");
    Instant now = Times.now(clock);
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    Instant until = countedUntil(now, month);
    Money spend = tx.get(LedgerRepository.class).payAsYouGoSpend(accountId, start(month), until, currency.code());
    // Waits for a pass counting this account, so the new alert is not overwritten by its save.
    tx.get(PayAsYouGoSpendAlertRepository.class).lock(accountId);
    PayAsYouGoSpendAlert alert = new PayAsYouGoSpendAlert(accountId, threshold, month, spend, until, false, null);
    tx.get(PayAsYouGoSpendAlertRepository.class).save(alert);
    return alert;
  }

  /** Removes the alert; empty afterwards (NOT_SET). */
  public Optional<PayAsYouGoSpendAlert> clear(Tx tx, Principal caller) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    tx.get(PayAsYouGoSpendAlertRepository.class).delete(accountId);
    return Optional.empty();
  }

  public Optional<PayAsYouGoSpendAlert> get(Tx tx, Principal caller) {
    String accountId = caller.requirePermissions(Permission.PRODUCT_ACCESS);
    return tx.get(PayAsYouGoSpendAlertRepository.class).find(accountId);
  }

  /**
   * The pass: for every account with an alert, one transaction under its row lock (so replicas
   * running it at once count each entry once): a new month resets the spend and re-arms; the
   * ledger since the last count is added; an armed alert whose spend reached the threshold
   * triggers and writes its event. Returns how many events it wrote.
   */
  public int runOnce(Instant now) {
    int events = 0;
    String after = null;
    while (true) {
      String from = after;
      List<String> accounts = transactor.readOnly(tx -> tx.get(PayAsYouGoSpendAlertRepository.class).accountsAfter(from, BATCH));
      for (String accountId : accounts) {
        if (transactor.inTransaction(tx -> count(tx, accountId, now))) {
          events++;
        }
      }
      if (accounts.size() < BATCH) {
        return events;
      }
      after = accounts.get(accounts.size() - 1);
    }
  }

  private boolean count(Tx tx, String accountId, Instant now) {
    PayAsYouGoSpendAlertRepository alerts = tx.get(PayAsYouGoSpendAlertRepository.class);
    PayAsYouGoSpendAlert alert = alerts.lock(accountId).orElse(null);
    if (alert == null) {
      return false;
    }
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    if (month.isAfter(alert.month())) {
      alert = new PayAsYouGoSpendAlert(accountId, alert.threshold(), month, Money.zero(alert.threshold().currency()),
          start(month), false, null);
    }
    Instant until = countedUntil(now, month);
    Money spend = alert.monthSpend();
    if (until.isAfter(alert.countedUntil())) {
      spend = spend.plus(tx.get(LedgerRepository.class).payAsYouGoSpend(
          accountId, alert.countedUntil(), until, alert.threshold().currency()));
    } else {
      until = alert.countedUntil();
    }
    boolean crossed = !alert.triggered() && spend.compareTo(alert.threshold()) >= 0;
    PayAsYouGoSpendAlert counted = new PayAsYouGoSpendAlert(accountId, alert.threshold(), month, spend, until,
        alert.triggered() || crossed, crossed ? now : alert.triggerTime());
    alerts.save(counted);
    if (crossed) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("month", month.toString());
      data.put("threshold", amount(counted.threshold()));
      data.put("monthSpend", amount(spend));
      data.put("countedUntil", until.toString());
      webhooks.emit(tx, accountId, WebhookEventKind.PAYG_SPEND_THRESHOLD_CROSSED, "payg-spend:" + month, now, data);
    }
    return crossed;
  }

  /** As order.paid writes an amount: {"amount":"12.50","currency":"CNY"}. */
  private static Map<String, String> amount(Money m) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("amount", m.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
    json.put("currency", m.currency());
    return json;
  }

  private static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** A minute ago, but not before the month began. */
  private static Instant countedUntil(Instant now, YearMonth month) {
    Instant settled = now.minus(SETTLED);
    Instant start = start(month);
    return settled.isBefore(start) ? start : settled;
  }
}
