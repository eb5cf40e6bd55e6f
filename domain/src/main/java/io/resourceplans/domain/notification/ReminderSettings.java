package io.resourceplans.domain.notification;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Expiry reminders: how many days before a package expires they go out (each offset once), and
 * how often the server looks for due ones.
 */
public record ReminderSettings(List<Integer> offsetsDays, Duration period) {
  public static final List<Integer> DEFAULT_OFFSETS_DAYS = List.of(30, 7, 1);
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

  public ReminderSettings {
    if (offsetsDays.stream().anyMatch(d -> d == null || d < 1)) {
      throw new IllegalArgumentException("reminder offsets are whole days, at least 1: " + offsetsDays);
    }
    if (offsetsDays.stream().distinct().count() != offsetsDays.size()) {
      throw new IllegalArgumentException("reminder offsets must not repeat: " + offsetsDays);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("reminder period must be positive: " + period);
    }
    offsetsDays = offsetsDays.stream().sorted(Comparator.reverseOrder()).toList();
  }

  public static ReminderSettings defaults() {
    return new ReminderSettings(DEFAULT_OFFSETS_DAYS, DEFAULT_PERIOD);
  }
}
