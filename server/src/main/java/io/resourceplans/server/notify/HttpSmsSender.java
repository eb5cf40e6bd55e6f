package io.resourceplans.server.notify;

import io.resourceplans.domain.notification.Channel;
import io.resourceplans.domain.notification.Delivery;
import io.resourceplans.domain.notification.DeliveryException;
import io.resourceplans.domain.notification.NotificationSender;
import io.resourceplans.server.json.JsonStrings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * SMS through an HTTP gateway: one {@code POST} of JSON
 * {@code {"notificationId", "to", "text", "language"}} with {@code Authorization: Bearer <token>}
 * and {@code Idempotency-Key: <notification id>} (a gateway that honours it never sends a retried
 * notification twice). A 2xx answer is delivered; 4xx other than 408 and 429 is permanent (the
 * request will not get better); any other answer, a timeout or an I/O error is a failed attempt,
 * retried.
 */
public final class HttpSmsSender implements NotificationSender {
  private final SmsSettings settings;
  private final HttpClient client;

  public HttpSmsSender(SmsSettings settings) {
    this.settings = settings;
    this.client =
        settings.configured()
            ? HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build()
            : null;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public boolean configured() {
    return client != null;
  }

  @Override
  public void send(Delivery d) throws DeliveryException {
    if (client == null) {
      throw new DeliveryException("SMS is not configured", true);
    }
    String json =
        "{\"notificationId\":" + JsonStrings.quote(d.notificationId())
            + ",\"to\":" + JsonStrings.quote(d.recipient())
            + ",\"text\":" + JsonStrings.quote(d.body())
            + ",\"language\":" + JsonStrings.quote(d.language().tag()) + "}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.url().orElseThrow())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Idempotency-Key", d.notificationId())
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    settings.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new DeliveryException("SMS gateway timed out after " + settings.timeout().toMillis() + " ms", false, e);
    } catch (IOException e) {
      throw new DeliveryException("SMS gateway unreachable: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while calling the SMS gateway", false, e);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean permanent = status / 100 == 4 && status != 408 && status != 429;
    String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ").strip();
    if (body.length() > 200) {
      body = body.substring(0, 200) + "…";
    }
    throw new DeliveryException("SMS gateway answered HTTP " + status + (body.isEmpty() ? "" : ": " + body), permanent);
  }
}
