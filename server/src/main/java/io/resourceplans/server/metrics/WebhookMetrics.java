package io.resourceplans.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.resourceplans.domain.webhook.WebhookDeliveryObserver;
import io.resourceplans.domain.webhook.WebhookDeliveryStatus;
import java.util.EnumMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Webhook delivery attempts by this replica's dispatcher, by how they ended. */
@Singleton
public final class WebhookMetrics implements WebhookDeliveryObserver {
  static final String DELIVERIES = "rp.webhook.deliveries";

  private final Map<WebhookDeliveryStatus, Counter> attempts = new EnumMap<>(WebhookDeliveryStatus.class);

  @Inject
  public WebhookMetrics(MeterRegistry registry) {
    for (WebhookDeliveryStatus status : WebhookDeliveryStatus.values()) {
      attempts.put(status, Counter.builder(DELIVERIES)
          .description("Webhook delivery attempts by result: delivered (2xx), retry (failed, tried again later), failed (for good)")
          .tag("result", result(status))
          .register(registry));
    }
  }

  @Override
  public void attempted(WebhookDeliveryStatus status) {
    attempts.get(status).increment();
  }

  private static String result(WebhookDeliveryStatus status) {
    return switch (status) {
      case DELIVERED -> "delivered";
      case PENDING -> "retry";
      case FAILED -> "failed";
    };
  }
}
