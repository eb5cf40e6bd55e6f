package io.resourceplans.server.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * Where email goes: an SMTP server ({@code host} empty = email not configured), optionally with
 * STARTTLS (then required) and credentials, sent as {@code from}; {@code timeout} bounds
 * connecting, reading and writing.
 */
public record SmtpSettings(
    Optional<String> host,
    int port,
    boolean startTls,
    Optional<String> username,
    Optional<String> password,
    String from,
    Duration timeout) {
  public static final String DEFAULT_FROM = "resource-plans@localhost";

  public static SmtpSettings none() {
    return new SmtpSettings(Optional.empty(), 25, false, Optional.empty(), Optional.empty(), DEFAULT_FROM, Duration.ofSeconds(10));
  }

  public static SmtpSettings of(String host, int port) {
    return new SmtpSettings(Optional.of(host), port, false, Optional.empty(), Optional.empty(), DEFAULT_FROM, Duration.ofSeconds(10));
  }

  public boolean configured() {
    return host.isPresent();
  }
}
