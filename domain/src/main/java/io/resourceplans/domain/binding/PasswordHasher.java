package io.resourceplans.domain.binding;

/** A slow, salted password hash (the server provides Argon2id). */
public interface PasswordHasher {
  /** A self-describing hash (PHC string) of the password with a fresh random salt. */
  String hash(String password);

  boolean verify(String password, String hash);

  /**
   * A hash of the configured cost that no password matches (a random salt and a random tag, so
   * nothing is hashed to make it): comparing against it takes as long as against a real one.
   */
  String unmatchable();
}
