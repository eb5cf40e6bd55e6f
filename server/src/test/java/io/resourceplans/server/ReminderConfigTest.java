package io.resourceplans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.resourceplans.domain.notification.ReminderSettings;
import io.resourceplans.server.config.ConfigLoader;
import io.resourceplans.server.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expiry-reminder options: offsets in days and the scheduler's period. */
class ReminderConfigTest {
  @Test
  void defaultsAre30And7And1DaysEveryMinute() {
    ServerConfig c = ConfigLoader.load(new String[0], Map.of());
    assertEquals(List.of(30, 7, 1), c.reminderOffsetsDays());
    assertEquals(Duration.ofSeconds(60), c.reminderPeriod());
  }

  @Test
  void offsetsAndPeriodComeFromFlagsOrEnvironment() {
    ServerConfig c =
        ConfigLoader.load(
            new String[] {"--reminder-offsets-days= 1, 14"},
            Map.of("RP_REMINDER_OFFSETS_DAYS", "3", "RP_REMINDER_PERIOD_SECONDS", "5"));
    assertEquals(List.of(1, 14), c.reminderOffsetsDays());
    assertEquals(Duration.ofSeconds(5), c.reminderPeriod());
    // The settings fire the largest offset first.
    assertEquals(List.of(14, 1), new ReminderSettings(c.reminderOffsetsDays(), c.reminderPeriod()).offsetsDays());
    assertEquals(List.of(), ConfigLoader.load(new String[] {"--reminder-offsets-days="}, Map.of()).reminderOffsetsDays());
  }

  @Test
  void badOffsetsAndPeriodsAreRefusedWithTheFlagName() {
    for (String bad : List.of("0", "7,7", "x", "30,,1", "4000")) {
      var e = assertThrows(
          IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--reminder-offsets-days=" + bad}, Map.of()));
      assertTrue(e.getMessage().contains("--reminder-offsets-days"), e.getMessage());
    }
    var e = assertThrows(
        IllegalArgumentException.class, () -> ConfigLoader.load(new String[] {"--reminder-period-seconds=0"}, Map.of()));
    assertTrue(e.getMessage().contains("--reminder-period-seconds"));
  }
}
