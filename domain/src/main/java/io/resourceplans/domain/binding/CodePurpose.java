package io.resourceplans.domain.binding;

/**
 * What an email verification code is accepted for. The email's wording of each purpose is in the
 * notification templates' labels ({@code labels.<language>.properties}).
 */
public enum CodePurpose {
  REGISTER,
  BIND_BILLING_ACCOUNT,
  CREATE_WORKSPACE
}
