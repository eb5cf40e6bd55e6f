package io.resourceplans.domain.binding;

import java.time.Instant;

/** A user of the vendor's console. {@code passwordHash} is a PHC string; {@code phone} may be empty. */
public record VendorUser(
    String vendorUserId, String username, String email, String phone, String passwordHash, Instant createTime) {}
