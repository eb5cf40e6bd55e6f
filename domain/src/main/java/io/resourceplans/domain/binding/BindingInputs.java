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

  /** A direct sign-up's result. */
  public record SignedUp(VendorUser user, BillingAccount billingAccount, Optional<Workspace> workspace) {}
}
