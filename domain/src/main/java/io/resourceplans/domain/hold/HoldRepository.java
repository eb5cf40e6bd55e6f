package io.resourceplans.domain.hold;

import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Quota holds and their allocations. */
public interface HoldRepository {
  /** A hold due for the expiry pass. */
  record Due(String accountId, String holdId) {}

  void insert(Hold hold);

  Optional<Hold> find(String accountId, String holdId);

  /** As {@link #find}, the hold's row locked until the transaction ends (captures and releases queue). */
  Optional<Hold> lock(String accountId, String holdId);

  /** Writes the hold's status, finish time and its allocations' captured and released units. */
  void update(Hold hold);

  /** The account's holds, newest first; {@code status} null for all. */
  Page<Hold> list(String accountId, HoldStatus status, PageRequest page);

  /**
   * Up to {@code limit} ACTIVE holds whose expire time has passed by their account's time: {@code
   * now} for real accounts, the test clock's for accounts on one. Nothing is locked.
   */
  List<Due> due(Instant now, int limit);

  /** Units that active holds hold of the package. */
  long heldOf(String accountId, String packageId);
}
