package io.resourceplans.storage.account;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.account.IdentityState;
import java.time.Instant;

/** A row of {@code accounts}. */
public record AccountRow(
    String accountId,
    String displayName,
    String contactEmail,
    String contactPhone,
    String defaultRegionId,
    String identityState,
    Instant createTime,
    String testClockId) {

  static AccountRow of(Account a) {
    return new AccountRow(
        a.accountId(),
        a.displayName(),
        a.contactEmail(),
        a.contactPhone(),
        a.defaultRegionId(),
        a.identityState().name(),
        a.createTime(),
        a.testClockId());
  }

  Account toDomain() {
    return new Account(
        accountId,
        displayName,
        contactEmail,
        contactPhone,
        defaultRegionId,
        IdentityState.valueOf(identityState),
        createTime,
        testClockId);
  }
}
