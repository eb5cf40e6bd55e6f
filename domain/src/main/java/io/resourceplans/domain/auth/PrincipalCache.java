package io.resourceplans.domain.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Principals of recently seen API keys, so a sending pipeline's every call does not read its key
 * from the database. An entry lives {@code ttl} by the injected clock. A key revoked or a sub-user's
 * permissions changed through this server are forgotten at once ({@link #forgetAccount}); through
 * another replica they take effect here within {@code ttl}. A zero ttl turns caching off.
 */
public final class PrincipalCache {
  /** Bounds memory if many distinct keys are seen: when full, everything is dropped and refilled. */
  static final int MAX_ENTRIES = 100_000;

  private record Entry(Principal principal, long expiresAtMillis) {}

  private final Clock clock;
  private final long ttlMillis;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public PrincipalCache(Clock clock, Duration ttl) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
  }

  /** @param tokenHash a hash of the whole secret token, never the token itself */
  public Optional<Principal> get(String tokenHash) {
    if (ttlMillis == 0) {
      return Optional.empty();
    }
    Entry e = entries.get(tokenHash);
    if (e == null) {
      return Optional.empty();
    }
    if (clock.millis() >= e.expiresAtMillis()) {
      entries.remove(tokenHash, e);
      return Optional.empty();
    }
    return Optional.of(e.principal());
  }

  public void put(String tokenHash, Principal principal) {
    if (ttlMillis == 0) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(tokenHash, new Entry(principal, clock.millis() + ttlMillis));
  }

  /** Drops every cached principal of the account (its keys or permissions changed). */
  public void forgetAccount(String accountId) {
    entries.values().removeIf(e -> accountId.equals(e.principal().accountId()));
  }
}
