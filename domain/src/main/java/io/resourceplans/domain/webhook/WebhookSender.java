package io.resourceplans.domain.webhook;

import java.util.Map;

/** Sends one signed webhook request (implemented over HTTP in the server). */
public interface WebhookSender {
  /** The endpoint's answer: its HTTP status. */
  record Response(int statusCode) {
    public boolean ok() {
      return statusCode >= 200 && statusCode < 300;
    }
  }

  /** No answer: the connection failed, timed out or the address was refused. */
  final class SendFailure extends Exception {
    public SendFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** POSTs {@code body} with {@code headers} to {@code url}. */
  Response post(String url, Map<String, String> headers, String body) throws SendFailure;
}
