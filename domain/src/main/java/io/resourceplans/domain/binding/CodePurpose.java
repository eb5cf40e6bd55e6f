package io.resourceplans.domain.binding;

/** What an email verification code is accepted for. */
public enum CodePurpose {
  REGISTER("register"),
  BIND_BILLING_ACCOUNT("bind your billing-center account"),
  CREATE_WORKSPACE("create a workspace");

  private final String description;

  CodePurpose(String description) {
    this.description = description;
  }

  /** For the email: "to ..." */
  public String description() {
    return description;
  }
}
