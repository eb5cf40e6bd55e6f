package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.BindingNextStep;
import io.resourceplans.api.v1.MarketplaceBindingState;
import io.resourceplans.api.v1.VerificationCodePurpose;
import io.resourceplans.api.v1.WorkspaceLanguage;
import io.resourceplans.domain.binding.BillingAccount;
import io.resourceplans.domain.binding.CodePurpose;
import io.resourceplans.domain.binding.NextStep;
import io.resourceplans.domain.binding.Site;
import io.resourceplans.domain.binding.VendorUser;
import io.resourceplans.domain.binding.Workspace;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.marketplace.IssuedTicket;
import io.resourceplans.domain.marketplace.MarketplaceInstance;

/** Marketplace instances, tickets and the vendor side's resources ↔ API messages. */
public final class BindingMapper {
  private BindingMapper() {}

  public static io.resourceplans.api.v1.MarketplaceInstance toProto(MarketplaceInstance i) {
    var b =
        io.resourceplans.api.v1.MarketplaceInstance.newBuilder()
            .setInstanceId(i.instanceId())
            .setAccountId(i.accountId())
            .setProductId(i.productId())
            .setDisplayName(i.displayName())
            .setAcceptedAgreementVersion(i.acceptedAgreementVersion())
            .setBindingState(
                i.bound()
                    ? MarketplaceBindingState.MARKETPLACE_BINDING_STATE_BOUND
                    : MarketplaceBindingState.MARKETPLACE_BINDING_STATE_UNBOUND)
            .setCreateTime(Timestamps.of(i.createTime()));
    if (i.bound()) {
      b.setWorkspaceId(i.workspaceId()).setBindTime(Timestamps.of(i.bindTime()));
    }
    return b.build();
  }

  public static io.resourceplans.api.v1.LoginTicket toProto(IssuedTicket t) {
    return io.resourceplans.api.v1.LoginTicket.newBuilder()
        .setTicket(t.ticket())
        .setInstanceId(t.instanceId())
        .setExpireTime(Timestamps.of(t.expireTime()))
        .build();
  }

  public static io.resourceplans.api.v1.Site toProto(Site s) {
    return io.resourceplans.api.v1.Site.newBuilder().setSiteId(s.siteId()).setDisplayName(s.displayName()).build();
  }

  /** Never the password hash. */
  public static io.resourceplans.api.v1.VendorUser toProto(VendorUser u) {
    return io.resourceplans.api.v1.VendorUser.newBuilder()
        .setVendorUserId(u.vendorUserId())
        .setUsername(u.username())
        .setEmail(u.email())
        .setPhone(u.phone())
        .setCreateTime(Timestamps.of(u.createTime()))
        .build();
  }

  public static io.resourceplans.api.v1.BillingAccount toProto(BillingAccount a) {
    var b =
        io.resourceplans.api.v1.BillingAccount.newBuilder()
            .setBillingAccountId(a.billingAccountId())
            .setUsername(a.username())
            .setEmail(a.email())
            .setCompanyName(a.companyName())
            .setCreateTime(Timestamps.of(a.createTime()));
    if (a.linked()) {
      b.setCloudAccountId(a.cloudAccountId()).setLinkTime(Timestamps.of(a.linkTime()));
    }
    return b.build();
  }

  public static io.resourceplans.api.v1.Workspace toProto(Workspace w) {
    var b =
        io.resourceplans.api.v1.Workspace.newBuilder()
            .setWorkspaceId(w.workspaceId())
            .setBillingAccountId(w.billingAccountId())
            .setName(w.name())
            .setLanguage(toProto(w.language()))
            .setSiteId(w.siteId())
            .setOwnerVendorUserId(w.ownerVendorUserId())
            .setCreateTime(Timestamps.of(w.createTime()));
    if (w.bound()) {
      b.setInstanceId(w.instanceId()).setBindTime(Timestamps.of(w.bindTime()));
    }
    return b.build();
  }

  public static WorkspaceLanguage toProto(io.resourceplans.domain.binding.WorkspaceLanguage l) {
    return switch (l) {
      case CHINESE -> WorkspaceLanguage.WORKSPACE_LANGUAGE_CHINESE;
      case ENGLISH -> WorkspaceLanguage.WORKSPACE_LANGUAGE_ENGLISH;
    };
  }

  /** UNSPECIFIED maps to null ("keep" where allowed; protovalidate rejects it where required). */
  public static io.resourceplans.domain.binding.WorkspaceLanguage toDomain(WorkspaceLanguage l) {
    return switch (l) {
      case WORKSPACE_LANGUAGE_CHINESE -> io.resourceplans.domain.binding.WorkspaceLanguage.CHINESE;
      case WORKSPACE_LANGUAGE_ENGLISH -> io.resourceplans.domain.binding.WorkspaceLanguage.ENGLISH;
      case WORKSPACE_LANGUAGE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  public static io.resourceplans.domain.binding.WorkspaceLanguage requireLanguage(WorkspaceLanguage l, String field) {
    var language = toDomain(l);
    if (language == null) {
      throw DomainException.invalid(field, "must be a defined language");
    }
    return language;
  }

  public static CodePurpose toDomain(VerificationCodePurpose p) {
    return switch (p) {
      case VERIFICATION_CODE_PURPOSE_REGISTER -> CodePurpose.REGISTER;
      case VERIFICATION_CODE_PURPOSE_BIND_BILLING_ACCOUNT -> CodePurpose.BIND_BILLING_ACCOUNT;
      case VERIFICATION_CODE_PURPOSE_CREATE_WORKSPACE -> CodePurpose.CREATE_WORKSPACE;
      case VERIFICATION_CODE_PURPOSE_UNSPECIFIED, UNRECOGNIZED ->
          throw DomainException.invalid("purpose", "must be a defined purpose");
    };
  }

  public static BindingNextStep toProto(NextStep s) {
    return switch (s) {
      case REGISTER -> BindingNextStep.BINDING_NEXT_STEP_REGISTER;
      case BIND_BILLING_ACCOUNT -> BindingNextStep.BINDING_NEXT_STEP_BIND_BILLING_ACCOUNT;
      case BIND_WORKSPACE -> BindingNextStep.BINDING_NEXT_STEP_BIND_WORKSPACE;
      case LOG_IN -> BindingNextStep.BINDING_NEXT_STEP_LOG_IN;
    };
  }
}
