package io.resourceplans.server.config;

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
    Optional<String> operatorKey,
    Optional<Path> tlsCertChain,
    Optional<Path> tlsPrivateKey,
    Path dataDirectory,
    Duration shutdownGrace,
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
    int passwordHashIterations) {

  /** The settings as printed at start, secrets masked. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("port", Integer.toString(port));
    out.put("database-url", databaseUrl.orElse("(embedded PostgreSQL)"));
    out.put("database-user", databaseUser);
    out.put("database-password", databasePassword.map(p -> "****").orElse("(none)"));
    out.put("pool-size", Integer.toString(poolSize));
    out.put("operator-key", operatorKey.map(k -> "****").orElse("(from data directory)"));
    out.put("tls-cert", tlsCertChain.map(Path::toString).orElse("(none: plaintext)"));
    out.put("tls-key", tlsPrivateKey.map(p -> "****").orElse("(none)"));
    out.put("data-dir", dataDirectory.toAbsolutePath().normalize().toString());
    out.put("shutdown-grace-seconds", Long.toString(shutdownGrace.toSeconds()));
    out.put("currency", currency);
    out.put("order-ttl-minutes", Long.toString(unpaidOrderTtl.toMinutes()));
    out.put("reminder-offsets-days", reminderOffsetsDays.isEmpty() ? "(none)" : reminderOffsetsDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
    out.put("reminder-period-seconds", Long.toString(reminderPeriod.toSeconds()));
    out.put("auth-cache-seconds", Long.toString(authCacheTtl.toSeconds()));
    out.put("ticket-key", ticketKey.map(k -> "****").orElse("(from data directory)"));
    out.put("login-ticket-ttl-minutes", Long.toString(loginTicketTtl.toMinutes()));
    out.put("verification-code-ttl-minutes", Long.toString(verificationCodeTtl.toMinutes()));
    out.put("verification-code-max-attempts", Integer.toString(verificationCodeMaxAttempts));
    out.put("verification-code-cooldown-seconds", Long.toString(verificationCodeCooldown.toSeconds()));
    out.put("password-hash-memory-kib", Integer.toString(passwordHashMemoryKib));
    out.put("password-hash-iterations", Integer.toString(passwordHashIterations));
    return out;
  }
}
