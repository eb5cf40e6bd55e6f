package io.resourceplans.domain.quota;

import io.resourceplans.domain.tx.Tx;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.domain.webhook.WebhookEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The {@code package.exhausted} event (docs/webhooks.md), written in the transaction of the
 * deduction that took a package's last units: a usage on the full path (the one-call path leaves
 * such usages to it) or a hold's reservation. Once per such deduction: the cause's ID is in the
 * dedupe key, since units a hold gives back can empty a package again later.
 */
@Singleton
public final class PackageExhaustedEvents {
  private final WebhookEvents webhooks;

  @Inject
  public PackageExhaustedEvents(WebhookEvents webhooks) {
    this.webhooks = webhooks;
  }

  /** Writes the event if the deduction left the package empty; {@code causeId} names the usage or hold. */
  public void afterDeduction(Tx tx, String accountId, String packageId, long remainingAfter, String causeId, Instant now) {
    if (remainingAfter != 0) {
      return;
    }
    PlanPackage p = tx.get(PackageRepository.class).find(accountId, packageId).orElseThrow();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("packageId", p.packageId());
    data.put("packageName", p.displayName());
    data.put("productId", p.productId());
    data.put("purpose", p.purpose().name());
    data.put("regionId", p.regionId());
    data.put("totalQuantity", p.totalQuantity());
    data.put("expireTime", p.expireTime().toString());
    data.put("causeId", causeId);
    webhooks.emit(tx, accountId, WebhookEventKind.PACKAGE_EXHAUSTED, "exhausted:" + packageId + ":" + causeId, now, data);
  }
}
