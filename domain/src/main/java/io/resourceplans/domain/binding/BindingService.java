package io.resourceplans.domain.binding;

import javax.inject.Inject;
import javax.inject.Singleton;
import io.resourceplans.domain.terms.TermsAcceptanceRepository;
import io.resourceplans.domain.marketplace.MarketplaceInstanceRepository;
import io.resourceplans.domain.marketplace.LoginTicketRepository;
import io.resourceplans.domain.account.AccountRepository;
import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.binding.BindingInputs.BoundWorkspace;
import io.resourceplans.domain.binding.BindingInputs.Company;
import io.resourceplans.domain.binding.BindingInputs.CreatedWorkspace;
import io.resourceplans.domain.binding.BindingInputs.LogIn;
import io.resourceplans.domain.binding.BindingInputs.LoggedIn;
import io.resourceplans.domain.binding.BindingInputs.NewUser;
import io.resourceplans.domain.binding.BindingInputs.NewWorkspace;
import io.resourceplans.domain.binding.BindingInputs.Owner;
import io.resourceplans.domain.binding.BindingInputs.Registered;
import io.resourceplans.domain.binding.BindingInputs.Resolution;
import io.resourceplans.domain.binding.BindingInputs.SignedUp;
import io.resourceplans.domain.common.Ids;
import io.resourceplans.domain.common.Page;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.common.Times;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.error.Violations;
import io.resourceplans.domain.marketplace.LoginTicket;
import io.resourceplans.domain.marketplace.LoginTickets;
import io.resourceplans.domain.marketplace.MarketplaceInstance;
import io.resourceplans.domain.marketplace.MarketplaceService;
import io.resourceplans.domain.terms.Terms;
import io.resourceplans.domain.terms.TermsAcceptance;
import io.resourceplans.domain.terms.TermsKind;
import io.resourceplans.domain.terms.TermsService;
import io.resourceplans.domain.tx.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor side of a marketplace activation. The vendor's back end calls with the operator key;
 * the end user is proven by the ticket, the instance (which must belong to the cloud account named)
 * and email codes. So every read and write here is scoped by that cloud account: its instance, the
 * billing-center account linked to it, and that account's workspaces; anything else is NOT_FOUND.
 * Mutations first lock the cloud account's row, so one cloud account's binding steps run one at a
 * time, whatever replica serves them.
 *
 * <p>A billing-center account holds many workspaces, and many of them may be bound to the one
 * instance of its cloud account; the instance names the one it opens: the one bound, opened
 * ({@link #openWorkspace}) or chosen at log-in last.
 */
@Singleton
public final class BindingService {
  private final Clock clock;
  private final TermsService terms;
  private final LoginTickets tickets;
  private final VerificationCodes codes;
  private final PasswordHasher passwords;
  private final VendorLogins logins;

  /** How many workspaces a log-in answers at most. */
  public static final int LOG_IN_WORKSPACE_LIMIT = 100;

  @Inject
  public BindingService(
      Clock clock,
      TermsService terms,
      LoginTickets tickets,
      VerificationCodes codes,
      PasswordHasher passwords,
      VendorLogins logins) {
    this.clock = clock;
    this.terms = terms;
    this.tickets = tickets;
    this.codes = codes;
    this.passwords = passwords;
    this.logins = logins;
  }

  public Page<Site> listSites(Tx tx, PageRequest page) {
    return tx.get(SiteRepository.class).list(page);
  }

  /**
   * Redeems a ticket: verifies its signature for the vendor's product, then refuses it if used or
   * expired, then marks it used (one caller wins) and says where the flow stands.
   */
  public Resolution resolve(Tx tx, String productId, String ticket) {
    LoginTickets.Claims claims = tickets.verify(ticket, productId);
    Instant now = Times.now(clock);
    LoginTicket stored =
        tx.get(LoginTicketRepository.class)
            .find(claims.accountId(), claims.ticketId())
            .filter(t -> t.instanceId().equals(claims.instanceId()) && t.productId().equals(claims.productId()))
            .orElseThrow(
                () -> new DomainException(ErrorCode.LOGIN_TICKET_INVALID, "the login ticket was not issued by this service"));
    if (stored.redeemTime() != null) {
      throw used();
    }
    if (!now.isBefore(stored.expireTime())) {
      throw new DomainException(
          ErrorCode.LOGIN_TICKET_EXPIRED, "the login ticket has expired; log in again from the marketplace");
    }
    if (!tx.get(LoginTicketRepository.class).redeem(stored.accountId(), stored.ticketId(), now)) {
      throw used();
    }
    MarketplaceInstance instance = requireInstance(tx, stored.accountId(), stored.instanceId());
    return status(tx, stored.accountId(), instance);
  }

  private static DomainException used() {
    return new DomainException(ErrorCode.LOGIN_TICKET_USED, "the login ticket was already used; tickets are single-use");
  }

  private Resolution status(Tx tx, String cloudAccountId, MarketplaceInstance instance) {
    Optional<BillingAccount> billing = tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId);
    Optional<Workspace> workspace = tx.get(WorkspaceRepository.class).findOpenedByInstance(instance.accountId(), instance.instanceId());
    NextStep next;
    if (billing.isEmpty()) {
      String contactEmail = tx.get(AccountRepository.class).find(cloudAccountId).map(Account::contactEmail).orElse("");
      boolean known = !contactEmail.isBlank() && tx.get(BillingAccountRepository.class).findUnlinkedByEmail(contactEmail).isPresent();
      next = known ? NextStep.BIND_BILLING_ACCOUNT : NextStep.REGISTER;
    } else {
      next = workspace.isPresent() ? NextStep.LOG_IN : NextStep.BIND_WORKSPACE;
    }
    return new Resolution(cloudAccountId, instance, next, billing, workspace);
  }

  /**
   * Sends a code for a purpose, in the flow of the cloud account: to {@code email}, or (when {@code
   * billingUsername} is set) to the email of that billing-center account.
   */
  public SentCode sendCode(
      Tx tx, String cloudAccountId, String instanceId, CodePurpose purpose, String email, String billingUsername) {
    requireInstance(tx, cloudAccountId, instanceId);
    String to = email;
    if (billingUsername != null) {
      to = tx.get(BillingAccountRepository.class)
          .findByUsername(billingUsername)
          .orElseThrow(() -> billingAccountNotFound("username", billingUsername))
          .email();
    }
    return codes.send(tx, cloudAccountId, to, purpose);
  }

  /** "No billing-center account": a vendor user, a billing-center account and a workspace, all bound. */
  public Registered register(
      Tx tx,
      String cloudAccountId,
      String instanceId,
      NewUser user,
      Company company,
      NewWorkspace workspace,
      String acceptedTermsVersion) {
    checkNewUser(user, "user.");
    lockCloudAccount(tx, cloudAccountId);
    MarketplaceInstance instance = requireInstanceForUpdate(tx, cloudAccountId, instanceId);
    Terms accepted = terms.requireAccepted(tx, TermsKind.WORKSPACE, acceptedTermsVersion);
    requireSite(tx, workspace.siteId());
    if (tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId).isPresent()) {
      throw cloudAccountAlreadyBound(cloudAccountId);
    }
    requireInstanceUnbound(instance);
    requireUsernameAndEmailFree(tx, user);
    codes.consume(tx, cloudAccountId, user.email(), CodePurpose.REGISTER, user.verificationCode());

    Instant now = Times.now(clock);
    VendorUser created = insertUser(tx, user, now);
    BillingAccount billing =
        new BillingAccount(
            Ids.newId("bill"), user.username(), user.email(), company.companyName(), company.industry(),
            company.contactName(), created.vendorUserId(), cloudAccountId, now, now);
    if (!tx.get(BillingAccountRepository.class).insert(billing)) {
      throw new DomainException(ErrorCode.USERNAME_TAKEN, "username " + user.username() + " is taken",
          Map.of("username", user.username()));
    }
    Workspace ws = insertWorkspace(tx, billing, workspace, created, instance.instanceId(), now);
    tx.get(MarketplaceInstanceRepository.class).open(instance.accountId(), instance.instanceId(), ws.workspaceId(), now);
    recordTerms(tx, cloudAccountId, accepted, created, ws, now);
    return new Registered(created, billing, ws, requireInstance(tx, cloudAccountId, instanceId));
  }

  /** The vendor's own sign-up: a vendor user and an unlinked billing-center account (and a workspace). */
  public SignedUp signUp(Tx tx, NewUser user, Company company, Optional<NewWorkspace> workspace) {
    checkNewUser(user, "");
    workspace.ifPresent(w -> requireSite(tx, w.siteId()));
    requireUsernameAndEmailFree(tx, user);
    Instant now = Times.now(clock);
    VendorUser created = insertUser(tx, user, now);
    BillingAccount billing =
        new BillingAccount(
            Ids.newId("bill"), user.username(), user.email(), company.companyName(), company.industry(),
            company.contactName(), created.vendorUserId(), null, now, null);
    if (!tx.get(BillingAccountRepository.class).insert(billing)) {
      throw new DomainException(ErrorCode.USERNAME_TAKEN, "username " + user.username() + " is taken",
          Map.of("username", user.username()));
    }
    Optional<Workspace> ws = workspace.map(w -> insertWorkspace(tx, billing, w, created, null, now));
    return new SignedUp(created, billing, ws);
  }

  /** "Has billing-center account": links it to the cloud account, proven by a code to its email. */
  public BillingAccount bindBillingAccount(
      Tx tx, String cloudAccountId, String instanceId, String billingUsername, String code) {
    lockCloudAccount(tx, cloudAccountId);
    requireInstance(tx, cloudAccountId, instanceId);
    BillingAccount billing =
        tx.get(BillingAccountRepository.class)
            .findByUsernameForUpdate(billingUsername)
            .orElseThrow(() -> billingAccountNotFound("username", billingUsername));
    Optional<BillingAccount> linked = tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId);
    if (linked.isPresent() && !linked.get().billingAccountId().equals(billing.billingAccountId())) {
      throw cloudAccountAlreadyBound(cloudAccountId);
    }
    if (billing.linked() && !billing.cloudAccountId().equals(cloudAccountId)) {
      throw new DomainException(
          ErrorCode.BILLING_ACCOUNT_ALREADY_BOUND,
          "billing-center account " + billingUsername + " is linked to another cloud account",
          Map.of("billing_username", billingUsername));
    }
    codes.consume(tx, cloudAccountId, billing.email(), CodePurpose.BIND_BILLING_ACCOUNT, code);
    if (billing.linked()) {
      return billing;
    }
    Instant now = Times.now(clock);
    tx.get(BillingAccountRepository.class).link(billing.billingAccountId(), cloudAccountId, now);
    return tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId).orElseThrow();
  }

  /**
   * {@link VerificationCodes#countWrongGuess} for a bind request, whose code went to the email of
   * the billing-center account named by username (none by that name: nothing to weigh).
   */
  public boolean countWrongBindGuess(Tx tx, String cloudAccountId, String billingUsername, String code) {
    return tx.get(BillingAccountRepository.class)
        .findByUsername(billingUsername)
        .map(b -> codes.countWrongGuess(tx, cloudAccountId, b.email(), CodePurpose.BIND_BILLING_ACCOUNT, code))
        .orElse(false);
  }

  /**
   * Creates a workspace in the linked billing-center account and binds it to the instance, which
   * opens it from now on; the instance may have other workspaces bound already.
   */
  public CreatedWorkspace createWorkspace(
      Tx tx,
      String cloudAccountId,
      String instanceId,
      NewWorkspace workspace,
      Owner owner,
      String acceptedTermsVersion) {
    if (owner.newUser() != null) {
      checkNewUser(owner.newUser(), "new_user.");
    }
    lockCloudAccount(tx, cloudAccountId);
    MarketplaceInstance instance = requireInstanceForUpdate(tx, cloudAccountId, instanceId);
    BillingAccount billing = requireLinked(tx, cloudAccountId);
    requireSite(tx, workspace.siteId());
    Terms accepted = terms.requireAccepted(tx, TermsKind.WORKSPACE, acceptedTermsVersion);
    if (tx.get(WorkspaceRepository.class).nameExists(billing.billingAccountId(), workspace.name(), "")) {
      throw nameTaken(workspace.name());
    }
    Instant now = Times.now(clock);
    VendorUser user;
    if (owner.newUser() == null) {
      user =
          tx.get(VendorUserRepository.class)
              .findByEmail(owner.existingEmail())
              .orElseThrow(
                  () ->
                      new DomainException(
                          ErrorCode.VENDOR_USER_NOT_FOUND,
                          "no vendor user has this email",
                          Map.of()));
      codes.consume(tx, cloudAccountId, owner.existingEmail(), CodePurpose.CREATE_WORKSPACE, owner.existingCode());
    } else {
      requireUsernameAndEmailFree(tx, owner.newUser());
      codes.consume(
          tx, cloudAccountId, owner.newUser().email(), CodePurpose.CREATE_WORKSPACE,
          owner.newUser().verificationCode());
      user = insertUser(tx, owner.newUser(), now);
    }
    Workspace ws = insertWorkspace(tx, billing, workspace, user, instance.instanceId(), now);
    tx.get(MarketplaceInstanceRepository.class).open(instance.accountId(), instance.instanceId(), ws.workspaceId(), now);
    recordTerms(tx, cloudAccountId, accepted, user, ws, now);
    return new CreatedWorkspace(ws, user, requireInstance(tx, cloudAccountId, instanceId));
  }

  /**
   * Binds a workspace of the linked billing-center account to the instance, which opens it from now
   * on; the instance may have other workspaces bound already. The pair bound already: unchanged.
   */
  public BoundWorkspace bindWorkspace(Tx tx, String cloudAccountId, String instanceId, String workspaceId) {
    lockCloudAccount(tx, cloudAccountId);
    MarketplaceInstance instance = requireInstanceForUpdate(tx, cloudAccountId, instanceId);
    BillingAccount billing = requireLinked(tx, cloudAccountId);
    Workspace ws =
        tx.get(WorkspaceRepository.class)
            .findForUpdate(billing.billingAccountId(), workspaceId)
            .orElseThrow(() -> workspaceNotFound(workspaceId));
    if (instanceId.equals(ws.instanceId())) {
      return new BoundWorkspace(ws, instance);
    }
    if (ws.bound()) {
      throw new DomainException(
          ErrorCode.WORKSPACE_ALREADY_BOUND,
          "workspace " + workspaceId + " is bound to another instance",
          Map.of("workspace_id", workspaceId));
    }
    Instant now = Times.now(clock);
    tx.get(WorkspaceRepository.class).bind(workspaceId, instanceId, now);
    tx.get(MarketplaceInstanceRepository.class).open(cloudAccountId, instanceId, workspaceId, now);
    return new BoundWorkspace(
        tx.get(WorkspaceRepository.class).find(billing.billingAccountId(), workspaceId).orElseThrow(),
        requireInstance(tx, cloudAccountId, instanceId));
  }

  /**
   * Renames a workspace or changes its language. The site never changes: any site other than the
   * workspace's own is refused WORKSPACE_SITE_IMMUTABLE. Null or empty means "keep".
   */
  public Workspace updateWorkspace(
      Tx tx,
      String cloudAccountId,
      String instanceId,
      String workspaceId,
      String name,
      WorkspaceLanguage language,
      String siteId) {
    lockCloudAccount(tx, cloudAccountId);
    requireInstance(tx, cloudAccountId, instanceId);
    BillingAccount billing = requireLinked(tx, cloudAccountId);
    Workspace ws =
        tx.get(WorkspaceRepository.class)
            .findForUpdate(billing.billingAccountId(), workspaceId)
            .orElseThrow(() -> workspaceNotFound(workspaceId));
    if (siteId != null && !siteId.isEmpty() && !siteId.equals(ws.siteId())) {
      throw new DomainException(
          ErrorCode.WORKSPACE_SITE_IMMUTABLE,
          "a workspace's site is chosen when it is created and never changes (it is " + ws.siteId() + ")",
          Map.of("workspace_id", workspaceId, "site_id", ws.siteId()));
    }
    String newName = name == null || name.isEmpty() ? ws.name() : name;
    WorkspaceLanguage newLanguage = language == null ? ws.language() : language;
    if (!newName.equals(ws.name()) && tx.get(WorkspaceRepository.class).nameExists(billing.billingAccountId(), newName, workspaceId)) {
      throw nameTaken(newName);
    }
    tx.get(WorkspaceRepository.class).update(workspaceId, newName, newLanguage);
    return tx.get(WorkspaceRepository.class).find(billing.billingAccountId(), workspaceId).orElseThrow();
  }

  public Page<Workspace> listWorkspaces(Tx tx, String cloudAccountId, String instanceId, PageRequest page) {
    requireInstance(tx, cloudAccountId, instanceId);
    BillingAccount billing = requireLinked(tx, cloudAccountId);
    return tx.get(WorkspaceRepository.class).list(billing.billingAccountId(), page);
  }

  public BillingAccount getBillingAccount(Tx tx, String cloudAccountId, String instanceId) {
    requireInstance(tx, cloudAccountId, instanceId);
    return tx.get(BillingAccountRepository.class)
        .findByCloudAccount(cloudAccountId)
        .orElseThrow(() -> billingAccountNotFound("cloud_account_id", cloudAccountId));
  }

  /**
   * Makes a workspace of the linked billing-center account, bound to the instance, the one the
   * instance opens.
   */
  public BoundWorkspace openWorkspace(Tx tx, String cloudAccountId, String instanceId, String workspaceId) {
    lockCloudAccount(tx, cloudAccountId);
    requireInstanceForUpdate(tx, cloudAccountId, instanceId);
    BillingAccount billing = requireLinked(tx, cloudAccountId);
    Workspace ws =
        tx.get(WorkspaceRepository.class)
            .find(billing.billingAccountId(), workspaceId)
            .orElseThrow(() -> workspaceNotFound(workspaceId));
    requireBoundTo(ws, instanceId);
    tx.get(MarketplaceInstanceRepository.class).open(cloudAccountId, instanceId, workspaceId, Times.now(clock));
    return new BoundWorkspace(ws, requireInstance(tx, cloudAccountId, instanceId));
  }

  /**
   * The first step of a log-in, in a transaction of its own (see {@link VendorLogins} for the count
   * and the lock): the attempt, counted as a failure until {@link #passwordMatches} and {@link
   * #logInSucceeded} say otherwise. Throws LOGIN_LOCKED.
   */
  public VendorLogins.Attempt beginLogIn(Tx tx, String login) {
    return logins.begin(tx, login);
  }

  /** Outside any transaction: the Argon2id comparison holds no lock and no connection. */
  public boolean passwordMatches(VendorLogins.Attempt attempt, String password) {
    return logins.passwordMatches(attempt, password);
  }

  /** After a right password, in a transaction of its own: the failure count is cleared. */
  public VendorUser logInSucceeded(Tx tx, VendorLogins.Attempt attempt) {
    logins.succeeded(tx, attempt);
    return attempt.user().orElseThrow();
  }

  /**
   * The last step of a log-in, for the user whose password {@link #passwordMatches} accepted (a
   * refusal here leaves that success, and its cleared count, in place). With an instance, the log-in is tied to its
   * cloud account: the billing-center account linked to it must be the user's own or hold a
   * workspace the user owns; if none is linked, the user's own is linked to it (as
   * BindBillingAccount would, the password standing for the email code). With a workspace chosen,
   * it must be one the user reaches (and, with an instance, bound to it: the instance then opens it).
   */
  public LoggedIn logIn(Tx tx, VendorUser user, LogIn request) {
    Instant now = Times.now(clock);
    Optional<BillingAccount> billing;
    MarketplaceInstance instance = null;
    if (request.instanceId() != null) {
      String cloudAccountId = request.cloudAccountId();
      lockCloudAccount(tx, cloudAccountId);
      instance = requireInstanceForUpdate(tx, cloudAccountId, request.instanceId());
      billing = Optional.of(tieToCloudAccount(tx, user, cloudAccountId, now));
    } else {
      billing = tx.get(BillingAccountRepository.class).findByOwnerForUpdate(user.vendorUserId());
    }
    String reachBillingId =
        billing.filter(b -> b.ownerVendorUserId().equals(user.vendorUserId()))
            .map(BillingAccount::billingAccountId)
            .orElse(null);
    Optional<Workspace> opened = Optional.empty();
    if (request.workspaceId() != null) {
      Workspace ws =
          tx.get(WorkspaceRepository.class)
              .findReachable(user.vendorUserId(), reachBillingId, request.workspaceId())
              .orElseThrow(() -> workspaceNotFound(request.workspaceId()));
      if (instance != null) {
        requireBoundTo(ws, instance.instanceId());
        tx.get(MarketplaceInstanceRepository.class).open(instance.accountId(), instance.instanceId(), ws.workspaceId(), now);
      }
      opened = Optional.of(ws);
    } else if (instance != null && instance.bound()) {
      opened = tx.get(WorkspaceRepository.class).findReachable(user.vendorUserId(), reachBillingId, instance.workspaceId());
    }
    List<Workspace> reachable =
        tx.get(WorkspaceRepository.class).listReachable(user.vendorUserId(), reachBillingId, LOG_IN_WORKSPACE_LIMIT + 1);
    boolean more = reachable.size() > LOG_IN_WORKSPACE_LIMIT;
    Optional<MarketplaceInstance> answeredInstance =
        instance == null
            ? Optional.empty()
            : Optional.of(requireInstance(tx, request.cloudAccountId(), request.instanceId()));
    return new LoggedIn(
        user,
        billing,
        more ? reachable.subList(0, LOG_IN_WORKSPACE_LIMIT) : reachable,
        more,
        answeredInstance,
        opened);
  }

  private BillingAccount tieToCloudAccount(Tx tx, VendorUser user, String cloudAccountId, Instant now) {
    Optional<BillingAccount> linked = tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId);
    if (linked.isPresent()) {
      BillingAccount l = linked.get();
      if (!l.ownerVendorUserId().equals(user.vendorUserId())
          && !tx.get(WorkspaceRepository.class).ownsAny(user.vendorUserId(), l.billingAccountId())) {
        throw new DomainException(
            ErrorCode.LOGIN_CLOUD_ACCOUNT_MISMATCH,
            "the cloud account is linked to a billing-center account this user does not belong to",
            Map.of("cloud_account_id", cloudAccountId));
      }
      return l;
    }
    BillingAccount own =
        tx.get(BillingAccountRepository.class)
            .findByOwnerForUpdate(user.vendorUserId())
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorCode.BILLING_ACCOUNT_NOT_FOUND,
                        "the user has no billing-center account to link to this cloud account; register one",
                        Map.of("cloud_account_id", cloudAccountId)));
    if (own.linked()) {
      throw new DomainException(
          ErrorCode.BILLING_ACCOUNT_ALREADY_BOUND,
          "the user's billing-center account is linked to another cloud account",
          Map.of("billing_username", own.username()));
    }
    tx.get(BillingAccountRepository.class).link(own.billingAccountId(), cloudAccountId, now);
    return tx.get(BillingAccountRepository.class).findByCloudAccount(cloudAccountId).orElseThrow();
  }

  // --- rules shared by the steps ---

  private static void requireBoundTo(Workspace ws, String instanceId) {
    if (!instanceId.equals(ws.instanceId())) {
      throw new DomainException(
          ErrorCode.WORKSPACE_NOT_BOUND_TO_INSTANCE,
          "workspace " + ws.workspaceId() + " is not bound to instance " + instanceId + "; bind it first",
          Map.of("workspace_id", ws.workspaceId(), "instance_id", instanceId));
    }
  }

  private void checkNewUser(NewUser user, String prefix) {
    Violations v = new Violations();
    PasswordRules.check(v, prefix, user.username(), user.password(), user.passwordConfirmation());
    v.throwIfAny();
  }

  private VendorUser insertUser(Tx tx, NewUser user, Instant now) {
    VendorUser created =
        new VendorUser(
            Ids.newId("vus"), user.username(), user.email(), user.phone() == null ? "" : user.phone(),
            passwords.hash(user.password()), now);
    if (!tx.get(VendorUserRepository.class).insert(created)) {
      // A concurrent registration took the username or email after the check.
      requireUsernameAndEmailFree(tx, user);
      throw new DomainException(ErrorCode.USERNAME_TAKEN, "username or email is taken", Map.of());
    }
    return created;
  }

  private static Workspace insertWorkspace(
      Tx tx, BillingAccount billing, NewWorkspace spec, VendorUser owner, String instanceId, Instant now) {
    Workspace ws =
        new Workspace(
            Ids.newId("wks"), billing.billingAccountId(), spec.name(), spec.language(), spec.siteId(),
            owner.vendorUserId(), instanceId, now, instanceId == null ? null : now);
    if (!tx.get(WorkspaceRepository.class).insert(ws)) {
      throw nameTaken(spec.name());
    }
    return ws;
  }

  private static void recordTerms(Tx tx, String cloudAccountId, Terms accepted, VendorUser by, Workspace ws, Instant now) {
    tx.get(TermsAcceptanceRepository.class)
        .insert(
            new TermsAcceptance(
                cloudAccountId, Ids.newId("tac"), accepted.kind(), accepted.version(), by.vendorUserId(),
                "workspace:" + ws.workspaceId(), now));
  }

  private static void requireUsernameAndEmailFree(Tx tx, NewUser user) {
    if (tx.get(VendorUserRepository.class).usernameExists(user.username())
        || tx.get(BillingAccountRepository.class).findByUsername(user.username()).isPresent()) {
      throw new DomainException(
          ErrorCode.USERNAME_TAKEN, "username " + user.username() + " is taken", Map.of("username", user.username()));
    }
    if (tx.get(VendorUserRepository.class).findByEmail(user.email()).isPresent()) {
      throw new DomainException(ErrorCode.EMAIL_TAKEN, "a vendor user with this email exists", Map.of());
    }
  }

  private static void lockCloudAccount(Tx tx, String cloudAccountId) {
    // An unknown account has no instance either: report the instance, as every binding RPC does.
    tx.get(AccountRepository.class).findForUpdate(cloudAccountId);
  }

  private static MarketplaceInstance requireInstance(Tx tx, String cloudAccountId, String instanceId) {
    return tx.get(MarketplaceInstanceRepository.class)
        .find(cloudAccountId, instanceId)
        .orElseThrow(() -> MarketplaceService.instanceNotFound(instanceId));
  }

  private static MarketplaceInstance requireInstanceForUpdate(Tx tx, String cloudAccountId, String instanceId) {
    return tx.get(MarketplaceInstanceRepository.class)
        .findForUpdate(cloudAccountId, instanceId)
        .orElseThrow(() -> MarketplaceService.instanceNotFound(instanceId));
  }

  private static void requireInstanceUnbound(MarketplaceInstance instance) {
    if (instance.bound()) {
      throw new DomainException(
          ErrorCode.INSTANCE_ALREADY_BOUND,
          "instance " + instance.instanceId() + " is already bound to a workspace",
          Map.of("instance_id", instance.instanceId()));
    }
  }

  private static BillingAccount requireLinked(Tx tx, String cloudAccountId) {
    return tx.get(BillingAccountRepository.class)
        .findByCloudAccount(cloudAccountId)
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorCode.BILLING_ACCOUNT_NOT_BOUND,
                    "the cloud account is linked to no billing-center account yet; register or bind one first",
                    Map.of("cloud_account_id", cloudAccountId)));
  }

  private static void requireSite(Tx tx, String siteId) {
    if (tx.get(SiteRepository.class).find(siteId).isEmpty()) {
      throw DomainException.notFound(ErrorCode.SITE_NOT_FOUND, "site", siteId);
    }
  }

  private static DomainException cloudAccountAlreadyBound(String cloudAccountId) {
    return new DomainException(
        ErrorCode.CLOUD_ACCOUNT_ALREADY_BOUND,
        "the cloud account is already linked to a billing-center account",
        Map.of("cloud_account_id", cloudAccountId));
  }

  private static DomainException billingAccountNotFound(String key, String value) {
    return new DomainException(ErrorCode.BILLING_ACCOUNT_NOT_FOUND, "billing-center account not found", Map.of(key, value));
  }

  private static DomainException workspaceNotFound(String workspaceId) {
    return DomainException.notFound(ErrorCode.WORKSPACE_NOT_FOUND, "workspace", workspaceId);
  }

  private static DomainException nameTaken(String name) {
    return new DomainException(
        ErrorCode.WORKSPACE_NAME_TAKEN, "the billing-center account already has a workspace named " + name,
        Map.of("name", name));
  }
}
