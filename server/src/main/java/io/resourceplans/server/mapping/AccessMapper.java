package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.Activation;
import io.resourceplans.api.v1.GetActivationStatusResponse;
import io.resourceplans.api.v1.IdentityReviewDecision;
import io.resourceplans.api.v1.IdentitySubjectType;
import io.resourceplans.api.v1.IdentityVerification;
import io.resourceplans.api.v1.IdentityVerificationState;
import io.resourceplans.api.v1.ProductUsability;
import io.resourceplans.api.v1.Region;
import io.resourceplans.api.v1.Terms;
import io.resourceplans.api.v1.TermsKind;
import io.resourceplans.domain.account.IdentityState;
import io.resourceplans.domain.activation.ActivationStatus;
import io.resourceplans.domain.error.DomainException;

/** Identity verification, regions, terms and activations: domain ↔ API messages. */
public final class AccessMapper {
  private AccessMapper() {}

  /** The document number never reaches this mapping: the domain keeps only the masked form. */
  public static IdentityVerification toProto(io.resourceplans.domain.identity.IdentityVerification v) {
    IdentityVerification.Builder b =
        IdentityVerification.newBuilder()
            .setIdentityVerificationId(v.identityVerificationId())
            .setAccountId(v.accountId())
            .setSubjectType(toProto(v.subjectType()))
            .setLegalName(v.legalName())
            .setDocumentNumberMasked(v.documentNumberMasked())
            .setState(AccountMapper.toProto(v.state()))
            .setRejectionReason(v.rejectionReason())
            .setSubmitTime(Timestamps.of(v.submitTime()));
    if (v.reviewTime() != null) {
      b.setReviewTime(Timestamps.of(v.reviewTime()));
    }
    return b.build();
  }

  public static IdentitySubjectType toProto(io.resourceplans.domain.identity.IdentitySubjectType t) {
    return switch (t) {
      case PERSONAL -> IdentitySubjectType.IDENTITY_SUBJECT_TYPE_PERSONAL;
      case ENTERPRISE -> IdentitySubjectType.IDENTITY_SUBJECT_TYPE_ENTERPRISE;
    };
  }

  /** Protovalidate refuses UNSPECIFIED and unknown values; this guards the rest. */
  public static io.resourceplans.domain.identity.IdentitySubjectType toDomain(IdentitySubjectType t) {
    return switch (t) {
      case IDENTITY_SUBJECT_TYPE_PERSONAL -> io.resourceplans.domain.identity.IdentitySubjectType.PERSONAL;
      case IDENTITY_SUBJECT_TYPE_ENTERPRISE -> io.resourceplans.domain.identity.IdentitySubjectType.ENTERPRISE;
      case IDENTITY_SUBJECT_TYPE_UNSPECIFIED, UNRECOGNIZED ->
          throw DomainException.invalid("subject_type", "must be personal or enterprise");
    };
  }

  public static io.resourceplans.domain.identity.IdentityReviewDecision toDomain(IdentityReviewDecision d) {
    return switch (d) {
      case IDENTITY_REVIEW_DECISION_APPROVE -> io.resourceplans.domain.identity.IdentityReviewDecision.APPROVE;
      case IDENTITY_REVIEW_DECISION_REJECT -> io.resourceplans.domain.identity.IdentityReviewDecision.REJECT;
      case IDENTITY_REVIEW_DECISION_UNSPECIFIED, UNRECOGNIZED ->
          throw DomainException.invalid("decision", "must approve or reject");
    };
  }

  /** A state filter of the review queue: unspecified means PENDING. */
  public static IdentityState toDomainFilter(IdentityVerificationState s) {
    return switch (s) {
      case IDENTITY_VERIFICATION_STATE_UNSPECIFIED, IDENTITY_VERIFICATION_STATE_PENDING -> IdentityState.PENDING;
      case IDENTITY_VERIFICATION_STATE_VERIFIED -> IdentityState.VERIFIED;
      case IDENTITY_VERIFICATION_STATE_REJECTED -> IdentityState.REJECTED;
      case IDENTITY_VERIFICATION_STATE_UNVERIFIED, UNRECOGNIZED ->
          throw DomainException.invalid("state", "must be PENDING, VERIFIED or REJECTED");
    };
  }

  public static Region toProto(io.resourceplans.domain.region.Region r) {
    return Region.newBuilder()
        .setRegionId(r.regionId())
        .setDisplayName(r.displayName())
        .setDefaultRegionRequiresIdentityVerification(r.defaultRequiresIdentityVerification())
        .setPurchaseRequiresIdentityVerification(r.purchaseRequiresIdentityVerification())
        .setRequiresIdentityVerification(
            r.defaultRequiresIdentityVerification() || r.purchaseRequiresIdentityVerification())
        .build();
  }

  public static Terms toProto(io.resourceplans.domain.terms.Terms t) {
    return Terms.newBuilder()
        .setKind(toProto(t.kind()))
        .setVersion(t.version())
        .setTitle(t.title())
        .setUrl(t.url())
        .setPublishTime(Timestamps.of(t.publishTime()))
        .build();
  }

  public static TermsKind toProto(io.resourceplans.domain.terms.TermsKind k) {
    return switch (k) {
      case RESOURCE_PLAN -> TermsKind.TERMS_KIND_RESOURCE_PLAN;
      case PAY_AS_YOU_GO -> TermsKind.TERMS_KIND_PAY_AS_YOU_GO;
      case MARKETPLACE -> TermsKind.TERMS_KIND_MARKETPLACE;
      case WORKSPACE -> TermsKind.TERMS_KIND_WORKSPACE;
    };
  }

  /** Protovalidate refuses UNSPECIFIED and unknown values; this guards the rest. */
  public static io.resourceplans.domain.terms.TermsKind toDomain(TermsKind k) {
    return switch (k) {
      case TERMS_KIND_RESOURCE_PLAN -> io.resourceplans.domain.terms.TermsKind.RESOURCE_PLAN;
      case TERMS_KIND_PAY_AS_YOU_GO -> io.resourceplans.domain.terms.TermsKind.PAY_AS_YOU_GO;
      case TERMS_KIND_MARKETPLACE -> io.resourceplans.domain.terms.TermsKind.MARKETPLACE;
      case TERMS_KIND_WORKSPACE -> io.resourceplans.domain.terms.TermsKind.WORKSPACE;
      case TERMS_KIND_UNSPECIFIED, UNRECOGNIZED -> throw DomainException.invalid("kind", "must name a kind of terms");
    };
  }

  public static Activation toProto(io.resourceplans.domain.activation.Activation a) {
    return Activation.newBuilder()
        .setProductId(a.productId())
        .setRegionId(a.regionId())
        .setAcceptedAgreementVersion(a.acceptedAgreementVersion())
        .setActivateTime(Timestamps.of(a.activateTime()))
        .build();
  }

  public static ProductUsability toProto(io.resourceplans.domain.activation.ProductUsability u) {
    return switch (u) {
      case PAY_AS_YOU_GO -> ProductUsability.PRODUCT_USABILITY_PAY_AS_YOU_GO;
      case RESOURCE_PLAN -> ProductUsability.PRODUCT_USABILITY_RESOURCE_PLAN;
      case ACTIVATE_OR_BUY -> ProductUsability.PRODUCT_USABILITY_ACTIVATE_OR_BUY;
    };
  }

  public static GetActivationStatusResponse toProto(ActivationStatus s) {
    GetActivationStatusResponse.Builder b =
        GetActivationStatusResponse.newBuilder()
            .setProductId(s.productId())
            .setRegionId(s.regionId())
            .setUsability(toProto(s.usability()))
            .setPayAsYouGoActive(s.activation().isPresent())
            .setActivePackageCount(s.packages().count())
            .setPackageRemainingQuantity(s.packages().remaining())
            .setIdentityVerificationRequired(s.identityVerificationRequired());
    s.activation().ifPresent(a -> b.setActivation(toProto(a)));
    return b.build();
  }
}
