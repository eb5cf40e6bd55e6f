package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.ClearPayAsYouGoSpendAlertResponse;
import io.resourceplans.api.v1.GetPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.GetPayAsYouGoSpendAlertResponse;
import io.resourceplans.api.v1.SetPayAsYouGoSpendAlertRequest;
import io.resourceplans.api.v1.SetPayAsYouGoSpendAlertResponse;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.billing.PayAsYouGoSpendAlerts;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.MoneyMapper;
import io.resourceplans.server.mapping.PayAsYouGoSpendAlertMapper;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers of the pay-as-you-go spend alert (PlanService). */
@Singleton
public final class PayAsYouGoSpendAlertRpcs {
  private final PayAsYouGoSpendAlerts alerts;
  private final CallRunner calls;

  @Inject
  PayAsYouGoSpendAlertRpcs(PayAsYouGoSpendAlerts alerts, CallRunner calls) {
    this.alerts = alerts;
    this.calls = calls;
  }

  public void setPayAsYouGoSpendAlert(
      SetPayAsYouGoSpendAlertRequest request, StreamObserver<SetPayAsYouGoSpendAlertResponse> out) {
    Principal caller = CallPrincipal.current();
    var threshold = MoneyMapper.toDomain(request.getThreshold(), "threshold");
    reply(out, calls.once(caller, request, SetPayAsYouGoSpendAlertResponse.parser(),
        tx -> SetPayAsYouGoSpendAlertResponse.newBuilder()
            .setAlert(PayAsYouGoSpendAlertMapper.toProto(Optional.of(alerts.set(tx, caller, threshold))))
            .build()));
  }

  public void clearPayAsYouGoSpendAlert(
      ClearPayAsYouGoSpendAlertRequest request, StreamObserver<ClearPayAsYouGoSpendAlertResponse> out) {
    Principal caller = CallPrincipal.current();
    reply(out, calls.once(caller, request, ClearPayAsYouGoSpendAlertResponse.parser(),
        tx -> ClearPayAsYouGoSpendAlertResponse.newBuilder()
            .setAlert(PayAsYouGoSpendAlertMapper.toProto(alerts.clear(tx, caller)))
            .build()));
  }

  public void getPayAsYouGoSpendAlert(
      GetPayAsYouGoSpendAlertRequest request, StreamObserver<GetPayAsYouGoSpendAlertResponse> out) {
    Principal caller = CallPrincipal.current();
    var alert = calls.read(tx -> alerts.get(tx, caller));
    reply(out, GetPayAsYouGoSpendAlertResponse.newBuilder().setAlert(PayAsYouGoSpendAlertMapper.toProto(alert)).build());
  }
}
