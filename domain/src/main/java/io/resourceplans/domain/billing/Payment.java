package io.resourceplans.domain.billing;

import io.resourceplans.domain.money.Money;
import java.time.Instant;

/** How a paid order was paid: the voucher's part (voucherId null if none), then gift, cash, credit. */
public record Payment(String voucherId, Money voucherAmount, Money gift, Money cash, Money credit, Instant payTime) {}
