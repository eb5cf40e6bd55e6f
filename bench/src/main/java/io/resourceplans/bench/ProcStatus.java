package io.resourceplans.bench;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Linux's /proc/[pid]/status. */
final class ProcStatus {
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB\\s*$");

  private ProcStatus() {}

  /** The resident set size in KiB (the kernel's "kB"), from the text of a status file. */
  static OptionalLong vmRssKib(String status) {
    Matcher m = VM_RSS.matcher(status);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
