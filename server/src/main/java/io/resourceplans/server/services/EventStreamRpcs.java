package io.resourceplans.server.services;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.WatchAccountEventsRequest;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.event.AccountEventService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.events.EventStreamHub;
import io.resourceplans.server.mapping.WebhookMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * WatchAccountEvents (ActivationService): the handler checks the caller and the cursor in one read,
 * then hands the call to the {@link EventStreamHub} and returns; the hub's threads send the events.
 * Refusals before the first event (bad input, another account, an expired cursor, a limit) end the
 * call at once with their status, as any RPC's.
 */
@Singleton
public final class EventStreamRpcs {
  private final AccountEventService events;
  private final EventStreamHub hub;
  private final CallRunner calls;

  @Inject
  EventStreamRpcs(AccountEventService events, EventStreamHub hub, CallRunner calls) {
    this.events = events;
    this.hub = hub;
    this.calls = calls;
  }

  public void watchAccountEvents(WatchAccountEventsRequest request, StreamObserver<WatchAccountEventsResponse> out) {
    Principal caller = CallPrincipal.current();
    var kinds = WebhookMapper.toDomain(request.getKindsList());
    AccountEventService.Start start =
        calls.read(tx -> events.start(
            tx, caller, request.getAccountId(), request.getAfterEventId(),
            request.hasAfterSequence() ? request.getAfterSequence() : null, request.getFromOldestRetained()));
    hub.watch(start, kinds, (ServerCallStreamObserver<WatchAccountEventsResponse>) out);
  }
}
