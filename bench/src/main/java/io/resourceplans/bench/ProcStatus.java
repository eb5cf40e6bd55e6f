package io.resourceplans.bench;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Linux's /proc/[pid]/status and /proc/[pid]/stat. */
final class ProcStatus {
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");

  private ProcStatus() {}

  /** The resident set size in KiB (the kernel's "kB"), from the text of a status file. */
  static OptionalLong vmRssKib(String status) {
    Matcher m = VM_RSS.matcher(status);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * The CPU time the process has used, user and system (utime + stime, fields 14 and 15), in
   * clock ticks (USER_HZ), from the text of a stat file. The command name (field 2) is in
   * parentheses and may itself hold spaces and parentheses, so the fields are counted from the
   * last ')'.
   */
  static OptionalLong cpuTicks(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return OptionalLong.empty();
    }
    String[] fields = stat.substring(end + 1).trim().split("\\s+");
    if (fields.length < 13) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // fields 3.. → 14, 15
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
