package io.resourceplans.server.config;

import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.storage.db.DatabaseSettings;
import io.resourceplans.server.notify.DeliverySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the server is told at start. An empty database URL means "start the embedded
 * PostgreSQL in the data directory"; an empty operator key means "use the one kept in the data
 * directory, generating it on first start".
 */
public record ServerConfig(
    int port,
    Optional<String> databaseUrl,
    String databaseUser,
    Optional<String> databasePassword,
    int poolSize,
    Duration databaseConnectTimeout,
    Duration idempotencyRetention,
    Optional<String> operatorKey,
    Optional<Path> tlsCertChain,
    Optional<Path> tlsPrivateKey,
    Path dataDirectory,
    Duration shutdownGrace,
    TransportLimits transport,
    String currency,
    Duration unpaidOrderTtl,
    List<Integer> reminderOffsetsDays,
    Duration reminderPeriod,
    Duration authCacheTtl,
    Optional<String> ticketKey,
    Duration loginTicketTtl,
    Duration verificationCodeTtl,
    int verificationCodeMaxAttempts,
    Duration verificationCodeCooldown,
    int passwordHashMemoryKib,
    int passwordHashIterations,
    int loginMaxFailures,
    Duration loginLockDuration,
    DeliverySettings delivery,
    boolean testClocks,
    Optional<Path> configFile,
    Optional<String> listenAddress,
    LogFormat logFormat,
    LogLevel logLevel,
    boolean accessLog,
    Optional<String> previousOperatorKey,
    Optional<String> previousTicketKey,
    int metricsPort,
    io.resourceplans.domain.event.EventStreamSettings eventStream) {

  /** The settings as printed at start, secrets masked. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("config", configFile.map(Path::toString).orElse("(none)"));
    out.put("listen-address", listenAddress.orElse("(all interfaces)"));
    out.put("port", Integer.toString(port));
    out.put("metrics-port", metricsPort == 0 ? "0 (off)" : Integer.toString(metricsPort));
    out.put("database-url", databaseUrl.map(DatabaseSettings::printable).orElse("(embedded PostgreSQL)"));
    out.put("database-user", databaseUser);
    out.put("database-password", databasePassword.map(p -> "****").orElse("(none)"));
    out.put("pool-size", Integer.toString(poolSize));
    out.put("database-connect-timeout-ms", Long.toString(databaseConnectTimeout.toMillis()));
    out.put("idempotency-retention-hours", Long.toString(idempotencyRetention.toHours()));
    out.put("operator-key", operatorKey.map(k -> "****").orElse("(from data directory)"));
    out.put("previous-operator-key", previousOperatorKey.map(k -> "****").orElse("(none)"));
    out.put("tls-cert", tlsCertChain.map(Path::toString).orElse("(none: plaintext)"));
    out.put("tls-key", tlsPrivateKey.map(p -> "****").orElse("(none)"));
    out.put("data-dir", dataDirectory.toAbsolutePath().normalize().toString());
    out.put("shutdown-grace-seconds", Long.toString(shutdownGrace.toSeconds()));
    out.put("handshake-timeout-seconds", Long.toString(transport.handshakeTimeout().toSeconds()));
    out.put("keepalive-time-seconds", Long.toString(transport.keepAliveTime().toSeconds()));
    out.put("keepalive-timeout-seconds", Long.toString(transport.keepAliveTimeout().toSeconds()));
    out.put("permit-keepalive-time-seconds", Long.toString(transport.permitKeepAliveTime().toSeconds()));
    out.put("max-connection-idle-seconds", Long.toString(transport.maxConnectionIdle().toSeconds()));
    out.put("max-connection-age-seconds", Long.toString(transport.maxConnectionAge().toSeconds()));
    out.put("max-connection-age-grace-seconds", Long.toString(transport.maxConnectionAgeGrace().toSeconds()));
    out.put("max-concurrent-calls-per-connection", Integer.toString(transport.maxConcurrentCallsPerConnection()));
    out.put("max-running-calls-per-connection", Integer.toString(transport.maxRunningCallsPerConnection()));
    out.put("max-inbound-message-bytes", Integer.toString(transport.maxInboundMessageBytes()));
    out.put("max-inbound-metadata-bytes", Integer.toString(transport.maxInboundMetadataBytes()));
    out.put("currency", currency);
    out.put("order-ttl-minutes", Long.toString(unpaidOrderTtl.toMinutes()));
    out.put("test-clocks", Boolean.toString(testClocks));
    out.put("log-format", logFormat.name().toLowerCase(java.util.Locale.ROOT));
    out.put("log-level", logLevel.name());
    out.put("access-log", Boolean.toString(accessLog));
    out.put("reminder-offsets-days", reminderOffsetsDays.isEmpty() ? "(none)" : reminderOffsetsDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
    out.put("reminder-period-seconds", Long.toString(reminderPeriod.toSeconds()));
    out.put("auth-cache-seconds", Long.toString(authCacheTtl.toSeconds()));
    out.put("ticket-key", ticketKey.map(k -> "****").orElse("(from data directory)"));
    out.put("previous-ticket-key", previousTicketKey.map(k -> "****").orElse("(none)"));
    out.put("login-ticket-ttl-minutes", Long.toString(loginTicketTtl.toMinutes()));
    out.put("verification-code-ttl-minutes", Long.toString(verificationCodeTtl.toMinutes()));
    out.put("verification-code-max-attempts", Integer.toString(verificationCodeMaxAttempts));
    out.put("verification-code-cooldown-seconds", Long.toString(verificationCodeCooldown.toSeconds()));
    out.put("password-hash-memory-kib", Integer.toString(passwordHashMemoryKib));
    out.put("password-hash-iterations", Integer.toString(passwordHashIterations));
    out.put("login-max-failures", Integer.toString(loginMaxFailures));
    out.put("login-lock-minutes", Long.toString(loginLockDuration.toMinutes()));
    var smtp = delivery.smtp();
    out.put("smtp-host", smtp.host().orElse("(none: email not configured)"));
    out.put("smtp-port", Integer.toString(smtp.port()));
    out.put("smtp-starttls", Boolean.toString(smtp.startTls()));
    out.put("smtp-username", smtp.username().orElse("(none)"));
    out.put("smtp-password", smtp.password().map(p -> "****").orElse("(none)"));
    out.put("smtp-from", smtp.from());
    var sms = delivery.sms();
    out.put("sms-gateway-url", sms.url().map(ServerConfig::withoutUserInfo).orElse("(none: SMS not configured)"));
    out.put("sms-gateway-token", sms.token().map(t -> "****").orElse("(none)"));
    out.put("delivery-timeout-ms", Long.toString(sms.timeout().toMillis()));
    var dispatch = delivery.dispatch();
    out.put("dispatch-period-ms", Long.toString(dispatch.period().toMillis()));
    out.put("dispatch-max-attempts", Integer.toString(dispatch.maxAttempts()));
    out.put("dispatch-backoff-base-ms", Long.toString(dispatch.backoffBase().toMillis()));
    out.put("dispatch-backoff-max-ms", Long.toString(dispatch.backoffMax().toMillis()));
    out.put("event-retention-hours", Long.toString(eventStream.retention().toHours()));
    out.put("event-watchers-per-account", Integer.toString(eventStream.watchersPerAccount()));
    out.put("event-watchers-per-server", Integer.toString(eventStream.watchersPerServer()));
    out.put("event-poll-ms", Long.toString(eventStream.pollPeriod().toMillis()));
    return out;
  }

  /** A URL as logged: credentials in it (user:password@) and its query masked. */
  private static String withoutUserInfo(java.net.URI uri) {
    String s = uri.getScheme() + "://" + (uri.getUserInfo() == null ? "" : "****@") + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    return uri.getRawQuery() == null ? s : s + "?****";
  }
}
