package io.resourceplans.domain.terms;

import java.time.Instant;

/**
 * A stored acceptance: which account accepted which version of an agreement, who did it (the
 * sub-user ID, or the API key ID of a main-account key), for what, and when. {@code subject}
 * names what the acceptance governs, e.g. {@code order:ord-...} or
 * {@code activation:sms-domestic/ap-southeast-1}.
 */
public record TermsAcceptance(
    String accountId,
    String termsAcceptanceId,
    TermsKind kind,
    String version,
    String acceptedBy,
    String subject,
    Instant acceptTime) {}
