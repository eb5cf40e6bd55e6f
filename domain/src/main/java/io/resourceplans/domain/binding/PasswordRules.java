package io.resourceplans.domain.binding;

import io.resourceplans.domain.error.Violations;
import java.util.Locale;

/**
 * The password rules, written once: 8..128 characters, at least one letter and one digit, not
 * containing the username, and equal to its confirmation. The protos declare the first two for
 * early rejection; this is what the service relies on.
 */
public final class PasswordRules {
  private PasswordRules() {}

  /** Adds a violation per broken rule; {@code prefix} is the field path of the user ("user." or ""). */
  public static void check(Violations v, String prefix, String username, String password, String confirmation) {
    String field = prefix + "password";
    if (password.length() < 8 || password.length() > 128) {
      v.add(field, "must be 8 to 128 characters");
    }
    if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
      v.add(field, "must contain at least one letter and one digit");
    }
    if (!username.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      v.add(field, "must not contain the username");
    }
    if (!password.equals(confirmation)) {
      v.add(prefix + "password_confirmation", "must equal password");
    }
  }
}
