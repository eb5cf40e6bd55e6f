package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.AccountEvent;
import io.resourceplans.api.v1.WatchAccountEventsResponse;

/** Account events between the domain and the API. */
public final class AccountEventMapper {
  private AccountEventMapper() {}

  public static AccountEvent toProto(io.resourceplans.domain.event.AccountEvent e) {
    return AccountEvent.newBuilder()
        .setEventId(e.eventId())
        .setKind(WebhookMapper.toProto(e.kind()))
        .setCreateTime(Timestamps.of(e.createTime()))
        .setSequence(e.sequence())
        .setPayload(e.payload())
        .build();
  }

  /** The first message of a stream that sends the events after {@code afterSequence}. */
  public static WatchAccountEventsResponse started(long afterSequence) {
    return WatchAccountEventsResponse.newBuilder()
        .setStarted(io.resourceplans.api.v1.WatchStarted.newBuilder().setAfterSequence(afterSequence))
        .build();
  }

  public static WatchAccountEventsResponse toResponse(io.resourceplans.domain.event.AccountEvent e) {
    return WatchAccountEventsResponse.newBuilder().setEvent(toProto(e)).build();
  }
}
