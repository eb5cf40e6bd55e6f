package io.resourceplans.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every resource ID must look like, for {@link Ids} and for the database's rp_new_id: the
 * prefix, a dash and 16 characters of [0-9a-z], all distinct, each character as likely as any
 * other (a byte taken modulo 36 would make 0-3 about 14 % likelier: more than the bound here, which
 * is over five standard deviations of 20,000 IDs).
 */
public final class IdShapes {
  private IdShapes() {}

  public static void assertWellFormedAndUniform(String prefix, List<String> ids) {
    Set<String> distinct = new HashSet<>(ids);
    assertEquals(ids.size(), distinct.size(), "IDs repeat");
    long[] counts = new long[36];
    for (String id : ids) {
      assertTrue(id.matches(prefix + "-[0-9a-z]{16}"), id);
      for (char c : id.substring(prefix.length() + 1).toCharArray()) {
        counts[Character.digit(c, 36)]++;
      }
    }
    double expected = ids.size() * 16 / 36.0;
    for (int c = 0; c < 36; c++) {
      double share = counts[c] / expected;
      String character = Character.toString(Character.forDigit(c, 36));
      assertTrue(share > 0.94 && share < 1.06, () -> "'" + character + "' drawn " + share + " times as often as it should");
    }
  }
}
