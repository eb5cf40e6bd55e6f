package io.resourceplans.domain.webhook;

/** An endpoint with its new signing secret: the answer of creating it or rotating its secret, once. */
public record IssuedWebhookEndpoint(WebhookEndpoint endpoint, String secret) {
  @Override
  public String toString() {
    return "IssuedWebhookEndpoint[" + endpoint + "]";
  }
}
