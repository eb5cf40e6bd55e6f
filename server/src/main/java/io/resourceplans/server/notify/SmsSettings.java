package io.resourceplans.server.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where SMS goes: the HTTP gateway URL ({@code url} empty = SMS not configured), the token sent
 * as {@code Authorization: Bearer <token>}, and the timeout of one request (connect and answer).
 */
public record SmsSettings(Optional<URI> url, Optional<String> token, Duration timeout) {
  public static SmsSettings none() {
    return new SmsSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
  }

  public static SmsSettings of(URI url, String token, Duration timeout) {
    return new SmsSettings(Optional.of(url), Optional.ofNullable(token), timeout);
  }

  public boolean configured() {
    return url.isPresent();
  }
}
