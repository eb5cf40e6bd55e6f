package io.resourceplans.domain.account;

import io.resourceplans.domain.error.Violations;
import java.util.regex.Pattern;

/** What a contact email address and phone number must look like, for accounts and sub-users. */
public final class ContactRules {
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
  // E.164, with or without the leading +.
  private static final Pattern PHONE = Pattern.compile("^\\+?[1-9][0-9]{6,14}$");

  private ContactRules() {}

  /** Adds a violation on {@code field} unless {@code email} is a valid address (or empty and allowed). */
  public static Violations email(Violations v, String email, String field, boolean required) {
    if (email.isEmpty() && !required) {
      return v;
    }
    return v.check(email.length() <= 254 && EMAIL.matcher(email).matches(), field, "must be a valid email address");
  }

  /** Adds a violation on {@code field} unless {@code phone} is empty or an E.164 number. */
  public static Violations phone(Violations v, String phone, String field) {
    return v.check(phone.isEmpty() || PHONE.matcher(phone).matches(), field,
        "must be a phone number in E.164 form, e.g. +6581234567");
  }
}
