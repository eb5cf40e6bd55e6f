package io.resourceplans.server.notify;

import io.resourceplans.domain.webhook.WebhookSender;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.domain.webhook.WebhookUrlPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * POSTs webhook bodies with the JDK's HTTP client: no redirects followed (a 3xx is a failed
 * attempt), the settings' timeout for connecting and for the whole exchange, the answer's body
 * discarded. Before each attempt every address the host resolves to must be public (unless
 * private URLs are allowed, for tests), so a name that points at an internal address is refused.
 */
public final class HttpWebhookSender implements WebhookSender {
  private final WebhookSettings settings;
  private final WebhookUrlPolicy policy;
  // Built at the first POST, not at start-up: building one loads the TLS context and trust store
  // (about a tenth of a second of a start) and starts a selector thread, which a server without
  // webhook endpoints never needs.
  private volatile HttpClient client;

  public HttpWebhookSender(WebhookSettings settings) {
    this.settings = settings;
    this.policy = new WebhookUrlPolicy(settings.allowPrivateUrls());
  }

  private HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
          client = built;
        }
      }
    }
    return built;
  }

  @Override
  public Response post(String url, Map<String, String> headers, String body) throws SendFailure {
    URI uri = URI.create(url);
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (!policy.mayConnect(address)) {
          throw new SendFailure("host resolves to a loopback or private address");
        }
      }
    } catch (UnknownHostException e) {
      throw new SendFailure("unknown host");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("User-Agent", "resource-plans-webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<Void> response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
      return new Response(response.statusCode());
    } catch (HttpTimeoutException e) {
      throw new SendFailure("timed out after " + settings.timeout().toMillis() + " ms");
    } catch (IOException e) {
      throw new SendFailure("connection failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailure("interrupted");
    }
  }
}
