package io.resourceplans.domain.binding;

/** A slow, salted password hash (the server provides Argon2id). */
public interface PasswordHasher {
  /** A self-describing hash (PHC string) of the password with a fresh random salt. */
  String hash(String password);

  boolean verify(String password, String hash);
}
