package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ActivateMarketplacePlanRequest;
import io.resourceplans.api.v1.ActivateMarketplacePlanResponse;
import io.resourceplans.api.v1.GetMarketplaceInstanceRequest;
import io.resourceplans.api.v1.GetMarketplaceInstanceResponse;
import io.resourceplans.api.v1.IssueLoginTicketRequest;
import io.resourceplans.api.v1.IssueLoginTicketResponse;
import io.resourceplans.api.v1.ListMarketplaceInstancesRequest;
import io.resourceplans.api.v1.ListMarketplaceInstancesResponse;
import io.resourceplans.domain.auth.Permission;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.domain.marketplace.MarketplaceService;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.BindingMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers of marketplace activation ("Purchased services", "Login directly"). */
@Singleton
public final class MarketplaceRpcs {
  static final int DEFAULT_PAGE_SIZE = 20;

  private final CallRunner calls;
  private final MarketplaceService marketplace;

  @Inject
  MarketplaceRpcs(CallRunner calls, MarketplaceService marketplace) {
    this.calls = calls;
    this.marketplace = marketplace;
  }

  public void activateMarketplacePlan(
      ActivateMarketplacePlanRequest request, StreamObserver<ActivateMarketplacePlanResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS, Permission.ORDER_ACCESS);
    reply(
        out,
        calls.once(
            caller,
            request,
            ActivateMarketplacePlanResponse.parser(),
            tx ->
                ActivateMarketplacePlanResponse.newBuilder()
                    .setInstance(
                        BindingMapper.toProto(
                            marketplace.activate(
                                tx,
                                caller,
                                request.getRequestId(),
                                request.getProductId(),
                                request.getAcceptedAgreementVersion())))
                    .build()));
  }

  public void listMarketplaceInstances(
      ListMarketplaceInstancesRequest request, StreamObserver<ListMarketplaceInstancesResponse> out) {
    Principal caller = CallPrincipal.current();
    PageRequest pageRequest = Pages.of(request, DEFAULT_PAGE_SIZE);
    var page = calls.read(tx -> marketplace.list(tx, caller, pageRequest));
    reply(
        out,
        ListMarketplaceInstancesResponse.newBuilder()
            .addAllInstances(page.items().stream().map(BindingMapper::toProto).toList())
            .setNextPageToken(page.nextPageToken().orElse(""))
            .build());
  }

  public void getMarketplaceInstance(
      GetMarketplaceInstanceRequest request, StreamObserver<GetMarketplaceInstanceResponse> out) {
    Principal caller = CallPrincipal.current();
    var instance = calls.read(tx -> marketplace.get(tx, caller, request.getInstanceId()));
    reply(out, GetMarketplaceInstanceResponse.newBuilder().setInstance(BindingMapper.toProto(instance)).build());
  }

  /**
   * The ticket is a bearer secret: the stored answer leaves it out, and a replay signs the stored
   * ticket facts again, which gives the same string.
   */
  public void issueLoginTicket(IssueLoginTicketRequest request, StreamObserver<IssueLoginTicketResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requirePermissions(Permission.PRODUCT_ACCESS);
    IssueLoginTicketResponse response =
        calls.once(
            caller,
            request,
            IssueLoginTicketResponse.parser(),
            r -> r.toBuilder().setLoginTicket(r.getLoginTicket().toBuilder().clearTicket()).build(),
            tx ->
                IssueLoginTicketResponse.newBuilder()
                    .setLoginTicket(
                        BindingMapper.toProto(
                            marketplace.issueTicket(tx, caller, request.getRequestId(), request.getInstanceId())))
                    .build());
    if (response.getLoginTicket().getTicket().isEmpty()) {
      var reissued = calls.read(tx -> marketplace.reissue(tx, caller, request.getRequestId()));
      response = IssueLoginTicketResponse.newBuilder().setLoginTicket(BindingMapper.toProto(reissued)).build();
    }
    reply(out, response);
  }
}
