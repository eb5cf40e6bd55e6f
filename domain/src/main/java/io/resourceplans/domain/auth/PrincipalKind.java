package io.resourceplans.domain.auth;

/** Who is calling: the operator, an account's main identity, or one of its sub-users. */
public enum PrincipalKind {
  OPERATOR,
  ACCOUNT,
  SUB_USER
}
