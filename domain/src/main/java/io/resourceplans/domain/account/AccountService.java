package io.resourceplans.domain.account;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.clock.TestClockRepository;
import io.resourceplans.domain.auth.ApiKeyToken;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.clock.TestClockService;
import io.resourceplans.domain.clock.TestClockSettings;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.Violations;
import io.resourceplans.domain.identity.IdentityRules;
import io.resourceplans.domain.region.Region;
import io.resourceplans.domain.region.Regions;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Accounts, sub-users and API keys. Callers pass the transaction so that an idempotency record can
 * commit with the change.
 */
@Singleton
public final class AccountService {
  private final Clock clock;
  private final TestClockSettings testClocks;

  public AccountService(Clock clock) {
    this(clock, TestClockSettings.enabledByDefault());
  }

  @Inject
  public AccountService(Clock clock, TestClockSettings testClocks) {
    this.clock = clock;
    this.testClocks = testClocks;
  }

  /** Operator opens an account; it starts unverified and gets one main-account key. */
  public CreatedAccount createAccount(Tx tx, Principal caller, NewAccount request) {
    caller.requireOperator();
    String regionId =
        request.defaultRegionId() == null || request.defaultRegionId().isEmpty()
            ? Region.DEFAULT_REGION_ID
            : request.defaultRegionId();
    Region region = Regions.require(tx, regionId);
    Instant now = Times.now(clock);
    String testClockId = request.testClockId() == null || request.testClockId().isEmpty() ? null : request.testClockId();
    if (testClockId != null) {
      TestClockService.requireAttachable(tx, testClocks, testClockId);
      // A test account is born at its clock's time.
      now = tx.get(TestClockRepository.class).find(testClockId).orElseThrow().frozenTime();
    }
    Account account =
        new Account(
            Ids.newId("acc"),
            request.displayName(),
            request.contactEmail(),
            request.contactPhone() == null ? "" : request.contactPhone(),
            regionId,
            IdentityState.UNVERIFIED,
            now,
            testClockId);
    // A new account is unverified, so it cannot start in a region that requires verification.
    IdentityRules.requireMayChooseAsDefault(account, region);
    tx.get(AccountRepository.class).insert(account);
    IssuedApiKey key = issueKey(tx, account.accountId(), null, "main", now);
    return new CreatedAccount(account, key);
  }

  /** The operator may read any account; an account only its own (others are NOT_FOUND). */
  public Account getAccount(Tx tx, Principal caller, String accountId) {
    String wanted;
    if (caller.isOperator()) {
      wanted = accountId;
    } else {
      wanted = accountId == null || accountId.isEmpty() ? caller.accountId() : accountId;
      if (!wanted.equals(caller.accountId())) {
        throw DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", wanted);
      }
    }
    if (wanted == null || wanted.isEmpty()) {
      throw DomainException.invalid("account_id", "the operator must name an account");
    }
    return tx.get(AccountRepository.class)
        .find(wanted)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", wanted));
  }

  public SubUser createSubUser(Tx tx, Principal caller, String displayName, Set<Permission> permissions) {
    String accountId = caller.requireMainAccount();
    SubUser subUser =
        new SubUser(accountId, Ids.newId("usr"), displayName, permissions, Times.now(clock), "", "");
    tx.get(SubUserRepository.class).insert(subUser);
    return subUser;
  }

  public SubUser getSubUser(Tx tx, Principal caller, String subUserId) {
    String accountId = caller.requireMainAccount();
    return findSubUser(tx, accountId, subUserId);
  }

  public Page<SubUser> listSubUsers(Tx tx, Principal caller, PageRequest page) {
    return tx.get(SubUserRepository.class).list(caller.requireMainAccount(), page);
  }

  public SubUser updateSubUserPermissions(
      Tx tx, Principal caller, String subUserId, Set<Permission> permissions) {
    String accountId = caller.requireMainAccount();
    if (!tx.get(SubUserRepository.class).updatePermissions(accountId, subUserId, permissions)) {
      throw DomainException.notFound(ErrorCode.SUB_USER_NOT_FOUND, "sub user", subUserId);
    }
    return findSubUser(tx, accountId, subUserId);
  }

  /**
   * Replaces a sub-user's contacts ('' = none; a valid email address and an E.164 phone number
   * otherwise).
   */
  public SubUser updateSubUserContacts(
      Tx tx, Principal caller, String subUserId, String contactEmail, String contactPhone) {
    String accountId = caller.requireMainAccount();
    String email = contactEmail == null ? "" : contactEmail.strip();
    String phone = contactPhone == null ? "" : contactPhone.strip();
    Violations violations = new Violations();
    ContactRules.email(violations, email, "contact_email", false);
    ContactRules.phone(violations, phone, "contact_phone");
    violations.throwIfAny();
    if (!tx.get(SubUserRepository.class).updateContacts(accountId, subUserId, email, phone)) {
      throw DomainException.notFound(ErrorCode.SUB_USER_NOT_FOUND, "sub user", subUserId);
    }
    return findSubUser(tx, accountId, subUserId);
  }

  /** A new key for the main account ({@code subUserId} null) or for one of its sub-users. */
  public IssuedApiKey createApiKey(Tx tx, Principal caller, String subUserId, String displayName) {
    String accountId = caller.requireMainAccount();
    if (subUserId != null) {
      findSubUser(tx, accountId, subUserId);
    }
    return issueKey(tx, accountId, subUserId, displayName, Times.now(clock));
  }

  /** Another tenant's (or an unknown) sub-user is SUB_USER_NOT_FOUND, never an empty list. */
  public Page<ApiKey> listApiKeys(Tx tx, Principal caller, String subUserId, PageRequest page) {
    String accountId = caller.requireMainAccount();
    if (subUserId != null) {
      findSubUser(tx, accountId, subUserId);
    }
    return tx.get(ApiKeyRepository.class).list(accountId, subUserId, page);
  }

  /**
   * Revoking is final; revoking a revoked key returns it unchanged. The last working main-account
   * key cannot be revoked, or the account could never administer itself again.
   */
  public ApiKey revokeApiKey(Tx tx, Principal caller, String apiKeyId) {
    String accountId = caller.requireMainAccount();
    ApiKey key =
        tx.get(ApiKeyRepository.class)
            .find(accountId, apiKeyId)
            .orElseThrow(() -> DomainException.notFound(ErrorCode.API_KEY_NOT_FOUND, "api key", apiKeyId));
    if (key.revoked()) {
      return key;
    }
    if (key.subUserId() == null) {
      var activeMainKeys = tx.get(ApiKeyRepository.class).lockActiveMainKeys(accountId);
      if (activeMainKeys.size() == 1 && activeMainKeys.contains(apiKeyId)) {
        throw new DomainException(
            ErrorCode.LAST_MAIN_API_KEY,
            "api key " + apiKeyId + " is the account's last main-account key; create another first",
            java.util.Map.of("api_key_id", apiKeyId));
      }
    }
    tx.get(ApiKeyRepository.class).revoke(accountId, apiKeyId, Times.now(clock));
    return tx.get(ApiKeyRepository.class).find(accountId, apiKeyId).orElseThrow();
  }

  private static SubUser findSubUser(Tx tx, String accountId, String subUserId) {
    return tx.get(SubUserRepository.class)
        .find(accountId, subUserId)
        .orElseThrow(() -> DomainException.notFound(ErrorCode.SUB_USER_NOT_FOUND, "sub user", subUserId));
  }

  private static IssuedApiKey issueKey(
      Tx tx, String accountId, String subUserId, String displayName, Instant now) {
    String keyId = Ids.newId("key");
    String secret = ApiKeyToken.generate(accountId, keyId);
    ApiKey key =
        new ApiKey(accountId, keyId, subUserId, displayName, ApiKeyToken.displayPrefix(secret), now, null);
    tx.get(ApiKeyRepository.class).insert(key, ApiKeyToken.hash(secret));
    return new IssuedApiKey(key, secret);
  }
}
