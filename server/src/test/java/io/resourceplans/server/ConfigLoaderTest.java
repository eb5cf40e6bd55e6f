package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.server.config.ConfigLoader;
import io.resourceplans.server.config.ServerConfig;
import io.resourceplans.server.grpc.TransportLimits;
import io.resourceplans.server.config.LogFormat;
import io.resourceplans.server.config.LogLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void defaultsNeedNoConfiguration() {
    ServerConfig c = ConfigLoader.load(new String[0], Map.of());
    assertEquals(50051, c.port());
    assertEquals(Optional.empty(), c.databaseUrl());
    assertEquals(Optional.empty(), c.operatorKey());
    assertEquals(10, c.poolSize());
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverDefaults() {
    ServerConfig c =
        ConfigLoader.load(
            new String[] {"--port=7000", "--pool-size", "4"},
            Map.of("RP_PORT", "6000", "RP_POOL_SIZE", "3", "RP_DATABASE_URL", "jdbc:postgresql://db/rp"));
    assertEquals(7000, c.port());
    assertEquals(4, c.poolSize());
    assertEquals(Optional.of("jdbc:postgresql://db/rp"), c.databaseUrl());
  }

  @Test
  void secretsAreMaskedWhenPrinted() {
    ServerConfig c =
        ConfigLoader.load(
            new String[] {"--operator-key=rpo.very-secret", "--database-password=hunter2"}, Map.of());
    String printed = c.describe().toString();
    assertFalse(printed.contains("very-secret"), printed);
    assertFalse(printed.contains("hunter2"), printed);
    assertTrue(printed.contains("****"));
  }

  @Test
  void aPasswordInTheDatabaseUrlIsMaskedWhenPrinted() {
    ServerConfig c =
        ConfigLoader.load(
            new String[] {"--database-url=jdbc:postgresql://db/rp?user=rp&password=hunter2&ssl=true"}, Map.of());
    String printed = c.describe().get("database-url");
    assertEquals("jdbc:postgresql://db/rp?user=rp&password=****&ssl=true", printed);
  }

  @Test
  void badValuesAreRefusedWithTheFlagName() {
    var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--port=http"}, Map.of()));
    assertTrue(e.getMessage().contains("--port"));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--nope=1"}, Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--tls-cert=/a.pem"}, Map.of()));
  }

  @Test
  void bindingSettingsHaveDefaultsAndTheTicketKeyIsMasked() {
    ServerConfig c = ConfigLoader.load(new String[0], java.util.Map.of());
    assertEquals(Optional.empty(), c.ticketKey());
    assertEquals(java.time.Duration.ofMinutes(5), c.loginTicketTtl());
    assertEquals(java.time.Duration.ofMinutes(10), c.verificationCodeTtl());
    assertEquals(5, c.verificationCodeMaxAttempts());
    assertEquals(java.time.Duration.ofSeconds(60), c.verificationCodeCooldown());
    ServerConfig set =
        ConfigLoader.load(new String[] {"--ticket-key=0123456789abcdef-secret", "--login-ticket-ttl-minutes=2"},
            java.util.Map.of("RP_PASSWORD_HASH_ITERATIONS", "3"));
    assertEquals(java.time.Duration.ofMinutes(2), set.loginTicketTtl());
    assertEquals(3, set.passwordHashIterations());
    assertEquals("****", set.describe().get("ticket-key"));
    assertFalse(set.describe().toString().contains("0123456789abcdef-secret"));
    assertEquals(5, c.loginMaxFailures());
    assertEquals(java.time.Duration.ofMinutes(15), c.loginLockDuration());
    ServerConfig login =
        ConfigLoader.load(new String[] {"--login-max-failures=3"}, java.util.Map.of("RP_LOGIN_LOCK_MINUTES", "30"));
    assertEquals(3, login.loginMaxFailures());
    assertEquals(java.time.Duration.ofMinutes(30), login.loginLockDuration());
    assertEquals("30", login.describe().get("login-lock-minutes"));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--login-max-failures=0"}, java.util.Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--login-lock-minutes=0"}, java.util.Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--login-max-failures=x"}, java.util.Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--ticket-key=short"}, java.util.Map.of()));
  }

  @Test
  void notificationDeliveryIsOffByDefaultAndConfiguredByFlagsWithSecretsMasked() {
    ServerConfig defaults = ConfigLoader.load(new String[0], Map.of());
    assertFalse(defaults.delivery().smtp().configured());
    assertFalse(defaults.delivery().sms().configured());
    assertEquals(6, defaults.delivery().dispatch().maxAttempts());

    ServerConfig c =
        ConfigLoader.load(
            new String[] {
              "--smtp-host=smtp.example.com", "--smtp-port=587", "--smtp-starttls=true", "--smtp-username=mailer",
              "--smtp-password=mail-pass-123", "--smtp-from=noreply@example.com",
              "--sms-gateway-url=https://sms.example.com/v1/send", "--dispatch-period-ms=2000",
              "--dispatch-max-attempts=4", "--dispatch-backoff-base-ms=1000", "--dispatch-backoff-max-ms=60000"
            },
            Map.of("RP_SMS_GATEWAY_TOKEN", "sms-token-456"));
    var smtp = c.delivery().smtp();
    assertEquals(Optional.of("smtp.example.com"), smtp.host());
    assertEquals(587, smtp.port());
    assertTrue(smtp.startTls());
    assertEquals("noreply@example.com", smtp.from());
    assertEquals(Optional.of("sms-token-456"), c.delivery().sms().token());
    assertEquals(java.time.Duration.ofSeconds(2), c.delivery().dispatch().period());
    assertEquals(4, c.delivery().dispatch().maxAttempts());
    assertEquals(java.time.Duration.ofMinutes(1), c.delivery().dispatch().backoffMax());
    String printed = c.describe().toString();
    assertFalse(printed.contains("mail-pass-123"), printed);
    assertFalse(printed.contains("sms-token-456"), printed);
    assertTrue(printed.contains("smtp.example.com") && printed.contains("https://sms.example.com/v1/send"), printed);

    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--smtp-starttls=yes"}, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--sms-gateway-url=ftp://x"}, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(new String[] {"--dispatch-backoff-base-ms=5000", "--dispatch-backoff-max-ms=10"}, Map.of()));
  }

  @Test
  void transportLimitsHaveDefaultsAndEveryOneComesFromItsFlagOrVariable() {
    assertEquals(TransportLimits.defaults(10), ConfigLoader.load(new String[0], Map.of()).transport());
    // the running-call limit follows the pool unless set
    assertEquals(TransportLimits.runningCallsFor(4), ConfigLoader.load(new String[] {"--pool-size=4"}, Map.of())
        .transport().maxRunningCallsPerConnection());
    TransportLimits t =
        ConfigLoader.load(
                new String[] {
                  "--handshake-timeout-seconds=7", "--keepalive-time-seconds=30", "--keepalive-timeout-seconds=5",
                  "--permit-keepalive-time-seconds=15", "--max-connection-idle-seconds=0",
                  "--max-connection-age-seconds=600", "--max-connection-age-grace-seconds=9",
                  "--max-concurrent-calls-per-connection=50", "--max-inbound-message-bytes=2048"
                },
                Map.of("RP_MAX_RUNNING_CALLS_PER_CONNECTION", "3", "RP_MAX_INBOUND_METADATA_BYTES", "4096"))
            .transport();
    assertEquals(
        new TransportLimits(Duration.ofSeconds(7), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(9), 50, 3, 2048, 4096),
        t);
    for (String bad :
        new String[] {
          "--max-concurrent-calls-per-connection=0", "--keepalive-time-seconds=5", "--max-inbound-message-bytes=10",
          "--max-connection-idle-seconds=-1", "--max-running-calls-per-connection=x"
        }) {
      var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {bad}, Map.of()), bad);
      assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf('='))), e.getMessage());
    }
    assertEquals("3", ConfigLoader.load(new String[] {"--max-running-calls-per-connection=3"}, Map.of())
        .describe().get("max-running-calls-per-connection"));
  }

  @Test
  void testClocksAreOnByDefaultAndCanBeTurnedOff() {
    assertTrue(ConfigLoader.load(new String[0], Map.of()).testClocks());
    assertFalse(ConfigLoader.load(new String[] {"--test-clocks=false"}, Map.of()).testClocks());
    assertFalse(ConfigLoader.load(new String[0], Map.of("RP_TEST_CLOCKS", "false")).testClocks());
    assertEquals("false", ConfigLoader.load(new String[] {"--test-clocks", "false"}, Map.of()).describe().get("test-clocks"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--test-clocks=maybe"}, Map.of()));
    assertTrue(e.getMessage().contains("--test-clocks"), e.getMessage());
  }

  @Test
  void aConfigFileIsBelowFlagsAndEnvironmentAndAboveDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rp.conf");
    Files.writeString(file, String.join("\n",
        "# settings for this replica",
        "port = 6100",
        "pool-size=7",
        "  currency = USD  ",
        "listen-address = 127.0.0.1",
        "",
        "log-format = json"));
    ServerConfig fromFile = ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of());
    assertEquals(6100, fromFile.port());
    assertEquals(7, fromFile.poolSize());
    assertEquals("USD", fromFile.currency());
    assertEquals(Optional.of("127.0.0.1"), fromFile.listenAddress());
    assertEquals(LogFormat.JSON, fromFile.logFormat());
    assertEquals(Optional.of(file), fromFile.configFile());

    ServerConfig layered =
        ConfigLoader.load(new String[] {"--port=6300"}, Map.of("RP_CONFIG", file.toString(), "RP_PORT", "6200", "RP_POOL_SIZE", "3"));
    assertEquals(6300, layered.port(), "flag over environment over file");
    assertEquals(3, layered.poolSize(), "environment over file");
    assertEquals("USD", layered.currency(), "file over default");
    assertEquals(10, ConfigLoader.load(new String[0], Map.of()).poolSize(), "default without a file");
  }

  @Test
  void aConfigFileTypoOrRepeatIsRefusedNamingItsLine(@TempDir Path dir) throws Exception {
    Path typo = dir.resolve("typo.conf");
    Files.writeString(typo, "port = 6100\nprot = 6101\n");
    var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--config=" + typo}, Map.of()));
    assertTrue(e.getMessage().contains(typo + ":2:") && e.getMessage().contains("'prot'"), e.getMessage());

    Path twice = dir.resolve("twice.conf");
    Files.writeString(twice, "port = 6100\nport = 6101\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--config=" + twice}, Map.of()));
    assertTrue(e.getMessage().contains(twice + ":2:"), e.getMessage());

    Path noEquals = dir.resolve("bare.conf");
    Files.writeString(noEquals, "port 6100\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--config=" + noEquals}, Map.of()));
    assertTrue(e.getMessage().contains(noEquals + ":1:"), e.getMessage());

    Path nested = dir.resolve("nested.conf");
    Files.writeString(nested, "config = other.conf\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--config=" + nested}, Map.of()));
    assertTrue(e.getMessage().contains("'config'"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(new String[] {"--config=" + dir.resolve("missing.conf")}, Map.of()));
    assertTrue(e.getMessage().startsWith("--config"), e.getMessage());
    // A bad value read from the file is reported like a bad flag.
    Path badValue = dir.resolve("bad.conf");
    Files.writeString(badValue, "port = http\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--config=" + badValue}, Map.of()));
    assertTrue(e.getMessage().contains("--port"), e.getMessage());
  }

  @Test
  void logAndListenSettingsHaveDefaultsAndAreChecked() {
    ServerConfig c = ConfigLoader.load(new String[0], Map.of());
    assertEquals(LogFormat.TEXT, c.logFormat());
    assertEquals(LogLevel.INFO, c.logLevel());
    assertTrue(c.accessLog());
    assertEquals(Optional.empty(), c.listenAddress());
    ServerConfig set =
        ConfigLoader.load(new String[] {"--log-format=JSON", "--log-level=warn", "--access-log=false", "--listen-address=::1"}, Map.of());
    assertEquals(LogFormat.JSON, set.logFormat());
    assertEquals(LogLevel.WARN, set.logLevel());
    assertFalse(set.accessLog());
    assertEquals(Optional.of("::1"), set.listenAddress());
    for (String bad : new String[] {"--log-format=xml", "--log-level=chatty", "--access-log=yes", "--listen-address=a b"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {bad}, Map.of()), bad);
      assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf('='))), e.getMessage());
    }
  }

  @Test
  void helpListsEveryFlagWithItsEnvironmentVariableInAlignedColumns() {
    String[] lines = ConfigLoader.usage().split("\\R");
    int envColumn = -1;
    int defaultColumn = -1;
    int rows = 0;
    for (String line : lines) {
      assertTrue(line.length() <= 120, "at most 120 columns: " + line);
      if (!line.startsWith("  --")) {
        continue;
      }
      rows++;
      String flag = line.trim().split(" ")[0];
      var option = ConfigLoader.OPTIONS.stream().filter(o -> ("--" + o.flag()).equals(flag)).findFirst().orElseThrow();
      int env = line.indexOf(" " + option.env() + " ") + 1;
      int def = line.indexOf(" ", env + option.env().length()) ;
      while (line.charAt(def) == ' ') {
        def++;
      }
      if (envColumn < 0) {
        envColumn = env;
        defaultColumn = def;
      }
      assertEquals(envColumn, env, "environment column of " + flag);
      assertEquals(defaultColumn, def, "default column of " + flag);
    }
    assertEquals(ConfigLoader.OPTIONS.size(), rows);
  }

  @Test
  void theVersionIsTheBuildsVersion() {
    assertTrue(io.resourceplans.server.Version.current().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
        io.resourceplans.server.Version.current());
  }

  @Test
  void metricsAreOffUnlessAPortIsGiven() {
    assertEquals(0, ConfigLoader.load(new String[0], Map.of()).metricsPort());
    assertEquals(9464, ConfigLoader.load(new String[] {"--metrics-port=9464"}, Map.of()).metricsPort());
    assertEquals(9465, ConfigLoader.load(new String[0], Map.of("RP_METRICS_PORT", "9465")).metricsPort());
    assertEquals("0 (off)", ConfigLoader.load(new String[0], Map.of()).describe().get("metrics-port"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--metrics-port=70000"}, Map.of()));
    assertTrue(e.getMessage().contains("--metrics-port"), e.getMessage());
  }

  @Test
  void eventStreamFlagsHaveDefaultsAndBounds() {
    var defaults = ConfigLoader.load(new String[0], Map.of()).eventStream();
    assertEquals(io.resourceplans.domain.event.EventStreamSettings.defaults(), defaults);
    var set = ConfigLoader.load(new String[] {"--event-retention-hours=24", "--event-watchers-per-account=2",
        "--event-watchers-per-server=10", "--event-poll-ms=250"}, Map.of());
    assertEquals(java.time.Duration.ofHours(24), set.eventStream().retention());
    assertEquals(2, set.eventStream().watchersPerAccount());
    assertEquals(10, set.eventStream().watchersPerServer());
    assertEquals(java.time.Duration.ofMillis(250), set.eventStream().pollPeriod());
    assertEquals("24", set.describe().get("event-retention-hours"));
    for (String bad : new String[] {"--event-retention-hours=0", "--event-poll-ms=50", "--event-watchers-per-account=0"}) {
      assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {bad}, Map.of()), bad);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(
        new String[] {"--event-watchers-per-account=20", "--event-watchers-per-server=10"}, Map.of()));
    assertTrue(e.getMessage().contains("--event-watchers-per-server"), e.getMessage());
  }
}
