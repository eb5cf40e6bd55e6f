package io.resourceplans.server.config;

import io.resourceplans.domain.event.EventStreamSettings;
import io.resourceplans.domain.idempotency.IdempotencyPurgeSettings;
import io.resourceplans.domain.notification.DispatchSettings;
import io.resourceplans.domain.webhook.WebhookSettings;
import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.server.notify.DeliverySettings;
import io.resourceplans.server.notify.SmsSettings;
import io.resourceplans.server.notify.SmtpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link ServerConfig} from flags ({@code --port=50051} or {@code --port 50051}) and
 * environment variables ({@code RP_PORT}); a flag wins over the environment, which wins over the
 * default.
 */
public final class ConfigLoader {
  /** One setting: its flag, environment variable, default and meaning (printed by --help). */
  public record Option(String flag, String env, String defaultValue, String help) {}

  /**
   * Where the transport settings' defaults are written (once). The pool size given here does not
   * matter: the one default that depends on it, the running-call limit, is worked out from
   * --pool-size when the setting is left empty.
   */
  private static final TransportLimits TRANSPORT_DEFAULTS = TransportLimits.defaults(1);

  public static final List<Option> OPTIONS =
      List.of(
          new Option("config", "RP_CONFIG", "", "file of settings, one 'key = value' per line (keys are these flags without '--', '#' starts a comment); flags and environment win over it"),
          new Option("listen-address", "RP_LISTEN_ADDRESS", "", "address the gRPC listener binds to; empty = all interfaces (IPv4 and IPv6); 127.0.0.1 = this machine only"),
          new Option("port", "RP_PORT", "50051", "gRPC port (0 = any free port)"),
          new Option("metrics-port", "RP_METRICS_PORT", "0", "HTTP port serving Prometheus metrics at /metrics; 0 = off"),
          new Option("database-url", "RP_DATABASE_URL", "", "PostgreSQL JDBC URL; empty = embedded PostgreSQL in the data directory; the database is created if missing"),
          new Option("database-user", "RP_DATABASE_USER", "postgres", "database user"),
          new Option("database-password", "RP_DATABASE_PASSWORD", "", "database password"),
          new Option("pool-size", "RP_POOL_SIZE", "10", "maximum database connections"),
          new Option("database-connect-timeout-ms", "RP_DATABASE_CONNECT_TIMEOUT_MS", "2000", "how long a call waits for a database connection before it is answered UNAVAILABLE (250 to 60000)"),
          new Option("idempotency-retention-hours", "RP_IDEMPOTENCY_RETENTION_HOURS", Long.toString(IdempotencyPurgeSettings.DEFAULT_RETENTION.toHours()), "how long the answer to a request_id is kept for retries (at least 24); RecordUsage retries are answered from the usage record at any age"),
          new Option("operator-key", "RP_OPERATOR_KEY", "", "operator API key; empty = generated once and kept in <data-dir>/operator-key"),
          new Option("previous-operator-key", "RP_PREVIOUS_OPERATOR_KEY", "", "a second operator key also accepted, while callers move to a new --operator-key (key rotation); empty = none"),
          new Option("tls-cert", "RP_TLS_CERT", "", "PEM certificate chain; with --tls-key enables TLS"),
          new Option("tls-key", "RP_TLS_KEY", "", "PEM private key"),
          new Option("data-dir", "RP_DATA_DIR", "data", "directory for the embedded database and the generated operator key"),
          new Option("shutdown-grace-seconds", "RP_SHUTDOWN_GRACE_SECONDS", "20", "how long in-flight calls may finish on SIGTERM"),
          new Option("handshake-timeout-seconds", "RP_HANDSHAKE_TIMEOUT_SECONDS", seconds(TRANSPORT_DEFAULTS.handshakeTimeout()), "a connection that has not finished its TLS and HTTP/2 handshake this long after connecting is closed"),
          new Option("keepalive-time-seconds", "RP_KEEPALIVE_TIME_SECONDS", seconds(TRANSPORT_DEFAULTS.keepAliveTime()), "the server pings a connection silent this long (10 or more); no answer within the keepalive timeout closes it"),
          new Option("keepalive-timeout-seconds", "RP_KEEPALIVE_TIMEOUT_SECONDS", seconds(TRANSPORT_DEFAULTS.keepAliveTimeout()), "how long a keepalive ping may go unanswered"),
          new Option("permit-keepalive-time-seconds", "RP_PERMIT_KEEPALIVE_TIME_SECONDS", seconds(TRANSPORT_DEFAULTS.permitKeepAliveTime()), "shortest interval at which clients may send keepalive pings"),
          new Option("max-connection-idle-seconds", "RP_MAX_CONNECTION_IDLE_SECONDS", seconds(TRANSPORT_DEFAULTS.maxConnectionIdle()), "a connection with no call for this long is closed; 0 = never"),
          new Option("max-connection-age-seconds", "RP_MAX_CONNECTION_AGE_SECONDS", seconds(TRANSPORT_DEFAULTS.maxConnectionAge()), "connections are asked to reconnect after this long, so load balancers can rebalance replicas; 0 = never"),
          new Option("max-connection-age-grace-seconds", "RP_MAX_CONNECTION_AGE_GRACE_SECONDS", seconds(TRANSPORT_DEFAULTS.maxConnectionAgeGrace()), "calls on a connection past its age get this long to finish"),
          new Option("max-concurrent-calls-per-connection", "RP_MAX_CONCURRENT_CALLS_PER_CONNECTION", Integer.toString(TRANSPORT_DEFAULTS.maxConcurrentCallsPerConnection()), "concurrent calls (HTTP/2 streams) one connection may have open; more wait on the client"),
          new Option("max-running-calls-per-connection", "RP_MAX_RUNNING_CALLS_PER_CONNECTION", "", "calls of one connection running at once; its other open calls wait, in order, without a thread or a place in the database pool's queue; empty = twice --pool-size; 0 = as many as its open calls"),
          new Option("max-inbound-message-bytes", "RP_MAX_INBOUND_MESSAGE_BYTES", Integer.toString(TRANSPORT_DEFAULTS.maxInboundMessageBytes()), "largest request message, after decompression; larger is RESOURCE_EXHAUSTED"),
          new Option("max-inbound-metadata-bytes", "RP_MAX_INBOUND_METADATA_BYTES", Integer.toString(TRANSPORT_DEFAULTS.maxInboundMetadataBytes()), "largest request metadata (headers)"),
          new Option("currency", "RP_CURRENCY", "CNY", "the one currency prices, wallets and vouchers are in (ISO 4217)"),
          new Option("order-ttl-minutes", "RP_ORDER_TTL_MINUTES", "1440", "how long an unpaid order can be paid"),
          new Option("reminder-offsets-days", "RP_REMINDER_OFFSETS_DAYS", "30,7,1", "days before a package expires that expiry reminders go out, comma-separated; empty = none"),
          new Option("reminder-period-seconds", "RP_REMINDER_PERIOD_SECONDS", "60", "how often the server looks for due expiry reminders, expired packages and expired quota holds, and counts pay-as-you-go spend for spend alerts"),
          new Option("auth-cache-seconds", "RP_AUTH_CACHE_SECONDS", "5", "how long a checked API key is trusted without reading it again; a key revoked through another replica stops working here within this time; 0 = read every call"),
          new Option("ticket-key", "RP_TICKET_KEY", "", "secret (at least 16 characters) signing login tickets and keying verification-code hashes; empty = generated once and kept in <data-dir>/ticket-key"),
          new Option("previous-ticket-key", "RP_PREVIOUS_TICKET_KEY", "", "a second ticket key accepted when checking tickets and codes, never used to sign: the old or the next key during a rotation (docs/operations.md); empty = none"),
          new Option("login-ticket-ttl-minutes", "RP_LOGIN_TICKET_TTL_MINUTES", "5", "how long a marketplace login ticket can be redeemed"),
          new Option("verification-code-ttl-minutes", "RP_VERIFICATION_CODE_TTL_MINUTES", "10", "how long an email verification code is accepted"),
          new Option("verification-code-max-attempts", "RP_VERIFICATION_CODE_MAX_ATTEMPTS", "5", "attempts at one verification code before it is void"),
          new Option("verification-code-cooldown-seconds", "RP_VERIFICATION_CODE_COOLDOWN_SECONDS", "60", "minimum time between two codes to one email for one purpose"),
          new Option("password-hash-memory-kib", "RP_PASSWORD_HASH_MEMORY_KIB", "19456", "Argon2id memory cost of vendor-user passwords (KiB)"),
          new Option("password-hash-iterations", "RP_PASSWORD_HASH_ITERATIONS", "2", "Argon2id iterations of vendor-user passwords"),
          new Option("login-max-failures", "RP_LOGIN_MAX_FAILURES", "5", "failed vendor log-ins in a row (1 to 100) that lock the user"),
          new Option("login-lock-minutes", "RP_LOGIN_LOCK_MINUTES", "15", "how long a locked vendor user stays locked, and how long a failed log-in counts (1 to 1440)"),
          new Option("smtp-host", "RP_SMTP_HOST", "", "SMTP server for email notifications; empty = email not configured (recorded SKIPPED)"),
          new Option("smtp-port", "RP_SMTP_PORT", "25", "SMTP port"),
          new Option("smtp-starttls", "RP_SMTP_STARTTLS", "false", "true = require STARTTLS on the SMTP connection"),
          new Option("smtp-username", "RP_SMTP_USERNAME", "", "SMTP user; empty = no authentication"),
          new Option("smtp-password", "RP_SMTP_PASSWORD", "", "SMTP password"),
          new Option("smtp-from", "RP_SMTP_FROM", "resource-plans@localhost", "sender address of notification emails"),
          new Option("sms-gateway-url", "RP_SMS_GATEWAY_URL", "", "HTTP(S) URL the SMS gateway takes a JSON POST on; empty = SMS not configured (recorded SKIPPED)"),
          new Option("sms-gateway-token", "RP_SMS_GATEWAY_TOKEN", "", "token sent to the SMS gateway as Authorization: Bearer <token>"),
          new Option("delivery-timeout-ms", "RP_DELIVERY_TIMEOUT_MS", "10000", "timeout of one SMTP or SMS gateway exchange (connect, read, write)"),
          new Option("dispatch-period-ms", "RP_DISPATCH_PERIOD_MS", "5000", "how often the server delivers due notifications"),
          new Option("dispatch-max-attempts", "RP_DISPATCH_MAX_ATTEMPTS", "6", "delivery attempts before a notification is FAILED"),
          new Option("dispatch-backoff-base-ms", "RP_DISPATCH_BACKOFF_BASE_MS", "30000", "wait after the first failed attempt; doubles each attempt, with jitter"),
          new Option("dispatch-backoff-max-ms", "RP_DISPATCH_BACKOFF_MAX_MS", "3600000", "longest wait between attempts"),
          new Option("webhook-period-ms", "RP_WEBHOOK_PERIOD_MS", "5000", "how often the server sends due webhook deliveries"),
          new Option("webhook-timeout-ms", "RP_WEBHOOK_TIMEOUT_MS", "10000", "timeout of one webhook HTTP exchange; a timeout is a failed attempt"),
          new Option("webhook-allow-private-urls", "RP_WEBHOOK_ALLOW_PRIVATE_URLS", "false", "true = webhook endpoints may use plain http and loopback or private addresses (tests only)"),
          new Option("event-retention-hours", "RP_EVENT_RETENTION_HOURS", Long.toString(EventStreamSettings.DEFAULT_RETENTION.toHours()), "how long account events are kept (at least 1): WatchAccountEvents resumes after any event this recent; older ones are deleted every 10 minutes"),
          new Option("event-watchers-per-account", "RP_EVENT_WATCHERS_PER_ACCOUNT", Integer.toString(EventStreamSettings.DEFAULT_WATCHERS_PER_ACCOUNT), "WatchAccountEvents streams one account may have open on this replica (1 to 1000); more are refused EVENT_WATCHERS_EXCEEDED"),
          new Option("event-watchers-per-server", "RP_EVENT_WATCHERS_PER_SERVER", Integer.toString(EventStreamSettings.DEFAULT_WATCHERS_PER_SERVER), "WatchAccountEvents streams this replica serves at most (at least --event-watchers-per-account, up to 100000)"),
          new Option("event-poll-ms", "RP_EVENT_POLL_MS", Long.toString(EventStreamSettings.DEFAULT_POLL_PERIOD.toMillis()), "how often a replica with event streams checks, in one query, for events its database notifications missed (100 to 60000)"),
          new Option("log-format", "RP_LOG_FORMAT", "text", "text = one readable line per event; json = one JSON object per line (time, level, logger, message, correlation_id, method, account_id, ...)"),
          new Option("log-level", "RP_LOG_LEVEL", "INFO", "least severe level logged: TRACE, DEBUG, INFO, WARN or ERROR"),
          new Option("access-log", "RP_ACCESS_LOG", "true", "true = one INFO line per API call (method, code, reason, duration, caller, peer, correlation id); false = none"),
          new Option("test-clocks", "RP_TEST_CLOCKS", "true", "true = operators may create and advance test clocks (simulated time of test accounts); false = those RPCs are refused TEST_CLOCKS_DISABLED"));

  private ConfigLoader() {}

  /**
   * The settings from {@code args}, {@code env} and the config file they name: a flag wins over the
   * environment, which wins over the file, which wins over the default.
   */
  public static ServerConfig load(String[] args, Map<String, String> env) {
    Map<String, String> flags = parseFlags(args);
    String configFile = flags.containsKey("config") ? flags.get("config") : env.getOrDefault("RP_CONFIG", "");
    Map<String, String> file = configFile.isBlank() ? Map.of() : ConfigFile.read(Path.of(configFile.trim()), knownKeys());
    Map<String, String> values = new HashMap<>();
    for (Option o : OPTIONS) {
      String v;
      if (flags.containsKey(o.flag())) {
        v = flags.get(o.flag());
      } else if (env.containsKey(o.env())) {
        v = env.get(o.env());
      } else {
        v = file.getOrDefault(o.flag(), o.defaultValue());
      }
      values.put(o.flag(), v.trim());
    }
    String cert = values.get("tls-cert");
    String key = values.get("tls-key");
    if (cert.isEmpty() != key.isEmpty()) {
      throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
    }
    int poolSize = intValue(values, "pool-size", 1, 500);
    return new ServerConfig(
        intValue(values, "port", 0, 65535),
        nonEmpty(values.get("database-url")),
        values.get("database-user"),
        nonEmpty(values.get("database-password")),
        poolSize,
        Duration.ofMillis(intValue(values, "database-connect-timeout-ms", 250, 60_000)),
        Duration.ofHours(intValue(values, "idempotency-retention-hours", (int) IdempotencyPurgeSettings.MINIMUM_RETENTION.toHours(), 87_600)),
        nonEmpty(values.get("operator-key")),
        nonEmpty(cert).map(Path::of),
        nonEmpty(key).map(Path::of),
        Path.of(values.get("data-dir")),
        Duration.ofSeconds(intValue(values, "shutdown-grace-seconds", 0, 3600)),
        transport(values, poolSize),
        currency(values.get("currency")),
        Duration.ofMinutes(intValue(values, "order-ttl-minutes", 1, 525_600)),
        offsetsDays(values.get("reminder-offsets-days")),
        Duration.ofSeconds(intValue(values, "reminder-period-seconds", 1, 86_400)),
        Duration.ofSeconds(intValue(values, "auth-cache-seconds", 0, 3600)),
        ticketKey(values, "ticket-key"),
        Duration.ofMinutes(intValue(values, "login-ticket-ttl-minutes", 1, 60)),
        Duration.ofMinutes(intValue(values, "verification-code-ttl-minutes", 1, 1440)),
        intValue(values, "verification-code-max-attempts", 1, 100),
        Duration.ofSeconds(intValue(values, "verification-code-cooldown-seconds", 0, 3600)),
        intValue(values, "password-hash-memory-kib", 8, 4_194_304),
        intValue(values, "password-hash-iterations", 1, 100),
        intValue(values, "login-max-failures", 1, 100),
        Duration.ofMinutes(intValue(values, "login-lock-minutes", 1, 1440)),
        delivery(values),
        bool(values, "test-clocks"),
        nonEmpty(values.get("config")).map(Path::of),
        listenAddress(values.get("listen-address")),
        choice(values, "log-format", LogFormat.class),
        choice(values, "log-level", LogLevel.class),
        bool(values, "access-log"),
        nonEmpty(values.get("previous-operator-key")),
        ticketKey(values, "previous-ticket-key"),
        intValue(values, "metrics-port", 0, 65535),
        eventStream(values));
  }

  /** The keys a config file may set: every flag but --config itself. */
  private static java.util.Set<String> knownKeys() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Option o : OPTIONS) {
      keys.add(o.flag());
    }
    keys.remove("config");
    return keys;
  }

  private static Optional<String> listenAddress(String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    // A literal address or a host name of this machine; no port, no brackets, no spaces.
    if (!raw.matches("[0-9A-Za-z.:%_-]+")) {
      throw new IllegalArgumentException("--listen-address must be an IP address or host name, got '" + raw + "'");
    }
    return Optional.of(raw);
  }

  private static <E extends Enum<E>> E choice(Map<String, String> values, String flag, Class<E> type) {
    String raw = values.get(flag);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    throw new IllegalArgumentException("--" + flag + " must be one of " + allowed + ", got '" + raw + "'");
  }

  private static String seconds(Duration d) {
    return Long.toString(d.toSeconds());
  }

  private static TransportLimits transport(Map<String, String> values, int poolSize) {
    return new TransportLimits(
        Duration.ofSeconds(intValue(values, "handshake-timeout-seconds", 1, 3600)),
        Duration.ofSeconds(intValue(values, "keepalive-time-seconds", 10, 86_400)),
        Duration.ofSeconds(intValue(values, "keepalive-timeout-seconds", 1, 3600)),
        Duration.ofSeconds(intValue(values, "permit-keepalive-time-seconds", 1, 86_400)),
        Duration.ofSeconds(intValue(values, "max-connection-idle-seconds", 0, 86_400 * 30)),
        Duration.ofSeconds(intValue(values, "max-connection-age-seconds", 0, 86_400 * 30)),
        Duration.ofSeconds(intValue(values, "max-connection-age-grace-seconds", 0, 86_400)),
        intValue(values, "max-concurrent-calls-per-connection", 1, 100_000),
        values.get("max-running-calls-per-connection").isBlank()
            ? TransportLimits.runningCallsFor(poolSize)
            : intValue(values, "max-running-calls-per-connection", 0, 100_000),
        intValue(values, "max-inbound-message-bytes", 1024, 64 << 20),
        intValue(values, "max-inbound-metadata-bytes", 1024, 1 << 20));
  }

  private static EventStreamSettings eventStream(Map<String, String> values) {
    int perAccount = intValue(values, "event-watchers-per-account", 1, 1000);
    int perServer = intValue(values, "event-watchers-per-server", 1, 100_000);
    if (perServer < perAccount) {
      throw new IllegalArgumentException("--event-watchers-per-server must be at least --event-watchers-per-account");
    }
    return new EventStreamSettings(
        Duration.ofHours(intValue(values, "event-retention-hours", 1, 87_600)),
        EventStreamSettings.DEFAULT_PURGE_PERIOD,
        EventStreamSettings.DEFAULT_PURGE_BATCH_SIZE,
        EventStreamSettings.DEFAULT_MAX_BATCHES_PER_RUN,
        perAccount,
        perServer,
        Duration.ofMillis(intValue(values, "event-poll-ms", 100, 60_000)),
        EventStreamSettings.DEFAULT_PAGE_SIZE);
  }

  private static DeliverySettings delivery(Map<String, String> values) {
    Duration timeout = Duration.ofMillis(intValue(values, "delivery-timeout-ms", 100, 600_000));
    long base = intValue(values, "dispatch-backoff-base-ms", 0, 86_400_000);
    long max = intValue(values, "dispatch-backoff-max-ms", 0, 86_400_000);
    if (max < base) {
      throw new IllegalArgumentException("--dispatch-backoff-max-ms must be at least --dispatch-backoff-base-ms");
    }
    DispatchSettings dispatch =
        new DispatchSettings(
            Duration.ofMillis(intValue(values, "dispatch-period-ms", 100, 86_400_000)),
            DispatchSettings.DEFAULT_BATCH_SIZE,
            intValue(values, "dispatch-max-attempts", 1, 100),
            Duration.ofMillis(base),
            Duration.ofMillis(max),
            DispatchSettings.DEFAULT_LEASE);
    String from = values.get("smtp-from");
    if (!from.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("--smtp-from must be an email address, got '" + from + "'");
    }
    SmtpSettings smtp =
        new SmtpSettings(
            nonEmpty(values.get("smtp-host")),
            intValue(values, "smtp-port", 1, 65535),
            bool(values, "smtp-starttls"),
            nonEmpty(values.get("smtp-username")),
            nonEmpty(values.get("smtp-password")),
            from,
            timeout);
    Optional<URI> url = nonEmpty(values.get("sms-gateway-url")).map(ConfigLoader::httpUrl);
    SmsSettings sms = new SmsSettings(url, nonEmpty(values.get("sms-gateway-token")), timeout);
    WebhookSettings webhooks =
        new WebhookSettings(
            Duration.ofMillis(intValue(values, "webhook-period-ms", 100, 86_400_000)),
            WebhookSettings.DEFAULT_BATCH_SIZE,
            WebhookSettings.DEFAULT_LEASE,
            Duration.ofMillis(intValue(values, "webhook-timeout-ms", 100, 600_000)),
            WebhookSettings.DEFAULT_BACKOFF_BASE,
            WebhookSettings.DEFAULT_BACKOFF_MAX,
            WebhookSettings.DEFAULT_RETRY_FOR,
            bool(values, "webhook-allow-private-urls"));
    return new DeliverySettings(dispatch, smtp, sms, webhooks);
  }

  private static URI httpUrl(String raw) {
    try {
      URI uri = new URI(raw);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new URISyntaxException(raw, "not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--sms-gateway-url must be an http or https URL, got '" + raw + "'");
    }
  }

  private static boolean bool(Map<String, String> values, String flag) {
    String raw = values.get(flag);
    if (raw.equalsIgnoreCase("true")) {
      return true;
    }
    if (raw.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("--" + flag + " must be true or false, got '" + raw + "'");
  }

  /**
   * The {@code --help} text: per setting a row of aligned columns (flag, environment variable,
   * default), its meaning wrapped below it.
   */
  public static String usage() {
    int flagWidth = 0;
    int envWidth = 0;
    for (Option o : OPTIONS) {
      flagWidth = Math.max(flagWidth, o.flag().length() + 2);
      envWidth = Math.max(envWidth, o.env().length());
    }
    String row = "  %-" + flagWidth + "s  %-" + envWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append("Usage: resource-plans [--flag=value | --flag value ...]\n");
    out.append("       resource-plans --version | -h | --help\n\n");
    out.append("Each setting is a flag, an environment variable or a line 'key = value' of the --config file\n");
    out.append("(key = the flag without '--'); a flag wins over the environment, which wins over the file,\n");
    out.append("which wins over the default.\n\n");
    out.append(String.format(row, "flag", "environment", "default"));
    for (Option o : OPTIONS) {
      out.append(String.format(row, "--" + o.flag(), o.env(), o.defaultValue().isEmpty() ? "(empty)" : o.defaultValue()));
      for (String line : wrap(o.help(), HELP_WIDTH - HELP_INDENT.length())) {
        out.append(HELP_INDENT).append(line).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  private static final int HELP_WIDTH = 110;
  private static final String HELP_INDENT = "        ";

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      String known = name;
      if (OPTIONS.stream().noneMatch(o -> o.flag().equals(known))) {
        throw new IllegalArgumentException("unknown flag --" + name);
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static String currency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("--currency must be an ISO 4217 code such as CNY, got '" + code + "'");
    }
    return code;
  }

  private static List<Integer> offsetsDays(String raw) {
    if (raw.isEmpty()) {
      return List.of();
    }
    List<Integer> days = new ArrayList<>();
    for (String part : raw.split(",")) {
      String p = part.trim();
      try {
        int d = Integer.parseInt(p);
        if (d < 1 || d > 3650 || days.contains(d)) {
          throw new NumberFormatException();
        }
        days.add(d);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--reminder-offsets-days must be distinct whole days from 1 to 3650 separated by commas, got '" + raw + "'");
      }
    }
    return days;
  }

  private static Optional<String> ticketKey(Map<String, String> values, String flag) {
    String key = values.get(flag);
    if (!key.isEmpty() && key.length() < 16) {
      throw new IllegalArgumentException("--" + flag + " must have at least 16 characters");
    }
    return nonEmpty(key);
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static int intValue(Map<String, String> values, String flag, int min, int max) {
    String raw = values.get(flag);
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + " must be a number from " + min + " to " + max + ", got '" + raw + "'");
    }
  }
}
