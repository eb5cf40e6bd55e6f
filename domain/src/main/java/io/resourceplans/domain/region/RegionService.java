package io.resourceplans.domain.region;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.Cursor;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.identity.IdentityRules;
import io.resourceplans.domain.tx.Tx;
import java.time.Instant;
import java.util.List;

/** The region catalogue and each account's default (console) region. */
@Singleton
public final class RegionService {
  @Inject
  public RegionService() {}

  /**
   * Ordered by region ID. The catalogue is a handful of rows, so it is read whole and paged here;
   * the cursor is the last region ID of the previous page.
   */
  public Page<Region> list(Tx tx, PageRequest page) {
    String after = page.after().map(Cursor::id).orElse(null);
    List<Region> rest =
        tx.get(RegionRepository.class).list().stream()
            .filter(r -> after == null || r.regionId().compareTo(after) > 0)
            .limit(page.size() + 1L)
            .toList();
    return Page.fromOverfetch(rest, page, r -> new Cursor(Instant.EPOCH, r.regionId()));
  }

  /**
   * Account main key only, like the other account settings. A region that requires identity
   * verification can be chosen only by a verified account.
   */
  public Account updateDefaultRegion(Tx tx, Principal caller, String regionId) {
    String accountId = caller.requireMainAccount();
    Region region = Regions.require(tx, regionId);
    // Verification is never withdrawn, so the state read here cannot turn stale in a harmful way.
    Account account =
        tx.get(AccountRepository.class)
            .find(accountId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", accountId));
    IdentityRules.requireMayChooseAsDefault(account, region);
    if (!account.defaultRegionId().equals(regionId)) {
      tx.get(AccountRepository.class).updateDefaultRegion(accountId, regionId);
    }
    return tx.get(AccountRepository.class).find(accountId).orElseThrow();
  }
}
