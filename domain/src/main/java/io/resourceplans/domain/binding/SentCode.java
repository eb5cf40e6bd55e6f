package io.resourceplans.domain.binding;

import java.time.Instant;

/** A code was queued: to whom (masked), until when it is accepted, and when another may be sent. */
public record SentCode(String maskedEmail, Instant expireTime, Instant resendTime) {}
