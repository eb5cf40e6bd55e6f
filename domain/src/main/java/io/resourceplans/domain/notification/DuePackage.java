package io.resourceplans.domain.notification;

import io.resourceplans.domain.account.Account;
import io.resourceplans.domain.quota.PlanPackage;

/** A package whose expiry reminder at some offset is due, with its account (for the recipients). */
public record DuePackage(PlanPackage pkg, Account account) {}
