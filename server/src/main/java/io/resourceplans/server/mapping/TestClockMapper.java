package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.TestClock;

/** Domain test clocks as API messages. */
public final class TestClockMapper {
  private TestClockMapper() {}

  public static TestClock toProto(io.resourceplans.domain.clock.TestClock c) {
    return TestClock.newBuilder()
        .setTestClockId(c.testClockId())
        .setName(c.name())
        .setFrozenTime(Timestamps.of(c.frozenTime()))
        .setCreateTime(Timestamps.of(c.createTime()))
        .setAccountCount(c.accountCount())
        .build();
  }
}
