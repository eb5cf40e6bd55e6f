package io.resourceplans.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderRulesTest {
  private static final Instant EXPIRY = Instant.parse("2027-11-22T08:00:00Z");

  @Test
  void aStartedDayCountsAsADayLeft() {
    assertEquals(7, ExpiryReminderService.daysLeft(EXPIRY.minus(Duration.ofDays(7)), EXPIRY));
    assertEquals(7, ExpiryReminderService.daysLeft(EXPIRY.minus(Duration.ofDays(7)).plusSeconds(3600), EXPIRY));
    assertEquals(1, ExpiryReminderService.daysLeft(EXPIRY.minusSeconds(1), EXPIRY));
    assertEquals(30, ExpiryReminderService.daysLeft(EXPIRY.minus(Duration.ofDays(30)), EXPIRY));
  }

  @Test
  void offsetsAreDistinctPositiveDaysLargestFirst() {
    assertEquals(List.of(30, 7, 1), new ReminderSettings(List.of(1, 30, 7), Duration.ofSeconds(60)).offsetsDays());
    assertThrows(IllegalArgumentException.class, () -> new ReminderSettings(List.of(7, 7), Duration.ofSeconds(60)));
    assertThrows(IllegalArgumentException.class, () -> new ReminderSettings(List.of(0), Duration.ofSeconds(60)));
    assertThrows(IllegalArgumentException.class, () -> new ReminderSettings(List.of(1), Duration.ZERO));
  }

  @Test
  void theDedupeKeyNamesPackageOffsetAndChannel() {
    assertEquals("reminder:U1A2611220000000000:7d", ExpiryReminderService.dedupePrefix("U1A2611220000000000", 7));
  }
}
