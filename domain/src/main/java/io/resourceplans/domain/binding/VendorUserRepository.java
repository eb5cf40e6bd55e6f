package io.resourceplans.domain.binding;

import java.util.Optional;

/** Vendor users; usernames and emails are unique ignoring case. */
public interface VendorUserRepository {
  /** Inserts; false if the username or the email is taken (also by a concurrent insert). */
  boolean insert(VendorUser user);

  Optional<VendorUser> find(String vendorUserId);

  Optional<VendorUser> findByEmail(String email);

  boolean usernameExists(String username);

  /** The user whose username (or, failing that, email) is {@code login}, ignoring case. */
  Optional<VendorUser> findByLogin(String login);
}
