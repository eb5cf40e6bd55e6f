package io.resourceplans.domain.binding;

import io.resourceplans.domain.marketplace.MarketplaceInstance;
import java.util.Optional;

/** The inputs and results of the binding flow. */
public final class BindingInputs {
  private BindingInputs() {}

  /** A new vendor user; {@code verificationCode} is empty for a direct sign-up, {@code phone} may be. */
  public record NewUser(
      String username, String password, String passwordConfirmation, String email, String verificationCode,
      String phone) {}

  /** Company information of a new billing-center account. */
  public record Company(String companyName, String industry, String contactName) {}

  /** Name, language and (never changing) site of a new workspace. */
  public record NewWorkspace(String name, WorkspaceLanguage language, String siteId) {}

  /** The owner of a workspace to create: an existing user (email + code) or a new one. */
  public record Owner(String existingEmail, String existingCode, NewUser newUser) {
    public static Owner existing(String email, String code) {
      return new Owner(email, code, null);
    }

    public static Owner created(NewUser user) {
      return new Owner(null, null, user);
    }
  }

  /** A redeemed ticket: whose it is and where the vendor's flow stands. */
  public record Resolution(
      String cloudAccountId,
      MarketplaceInstance instance,
      NextStep nextStep,
      Optional<BillingAccount> billingAccount,
      Optional<Workspace> workspace) {}

  /** Register's result: all bound. */
  public record Registered(
      VendorUser user, BillingAccount billingAccount, Workspace workspace, MarketplaceInstance instance) {}

  /** CreateWorkspace's result. */
  public record CreatedWorkspace(Workspace workspace, VendorUser owner, MarketplaceInstance instance) {}

  /** BindWorkspace's result. */
  public record BoundWorkspace(Workspace workspace, MarketplaceInstance instance) {}

  /**
   * A log-in. {@code cloudAccountId} and {@code instanceId} (both or neither) tie it to the cloud
   * account of a resolved ticket; {@code workspaceId} chooses the workspace to open. Null = not given.
   */
  public record LogIn(String login, String password, String cloudAccountId, String instanceId, String workspaceId) {
    @Override
    public String toString() {
      return "LogIn[login=" + login + ", password=****, cloudAccountId=" + cloudAccountId + ", instanceId="
          + instanceId + ", workspaceId=" + workspaceId + "]";
    }
  }

  /**
   * A successful log-in: the user, the billing-center account it uses (the one linked to the
   * instance's cloud account when an instance was given, else its own; empty if none), the
   * workspaces it reaches (oldest first, at most the limit; {@code moreWorkspaces} if there are
   * more), the instance (if given) and the workspace to open (chosen, else the instance's; empty if
   * neither).
   */
  public record LoggedIn(
      VendorUser user,
      Optional<BillingAccount> billingAccount,
      java.util.List<Workspace> workspaces,
      boolean moreWorkspaces,
      Optional<MarketplaceInstance> instance,
      Optional<Workspace> openedWorkspace) {}

  /** A direct sign-up's result. */
  public record SignedUp(VendorUser user, BillingAccount billingAccount, Optional<Workspace> workspace) {}
}
