package io.resourceplans.domain.clock;

import java.time.Instant;

/**
 * Simulated time for test accounts, in the manner of Stripe's test clocks: accounts attached to it
 * at creation live at its {@code frozenTime}, which only moves when the operator advances it.
 * {@code accountCount} is how many accounts are attached.
 */
public record TestClock(String testClockId, String name, Instant frozenTime, Instant createTime, long accountCount) {}
