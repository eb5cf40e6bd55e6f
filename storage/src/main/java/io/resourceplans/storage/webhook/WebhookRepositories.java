package io.resourceplans.storage.webhook;

import io.resourceplans.domain.webhook.WebhookDeliveryRepository;
import io.resourceplans.domain.webhook.WebhookEndpointRepository;
import io.resourceplans.storage.db.FeatureRepositories;

/** The webhook feature's repositories (see {@link FeatureRepositories}). */
public final class WebhookRepositories implements FeatureRepositories {
  @Override
  public void register(Registry registry) {
    registry.add(WebhookEndpointRepository.class, c -> new JdbiWebhookEndpointRepository(c.dao(WebhookEndpointDao.class)));
    registry.add(
        WebhookDeliveryRepository.class,
        c -> new JdbiWebhookDeliveryRepository(c.dao(WebhookDeliveryDao.class), c.engine()));
  }
}
