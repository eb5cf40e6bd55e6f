package io.resourceplans.server.services;

import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.BindBillingAccountRequest;
import io.resourceplans.api.v1.BindBillingAccountResponse;
import io.resourceplans.api.v1.BindWorkspaceRequest;
import io.resourceplans.api.v1.BindWorkspaceResponse;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.CreateBillingAccountRequest;
import io.resourceplans.api.v1.CreateBillingAccountResponse;
import io.resourceplans.api.v1.CreateWorkspaceRequest;
import io.resourceplans.api.v1.CreateWorkspaceResponse;
import io.resourceplans.api.v1.GetBillingAccountRequest;
import io.resourceplans.api.v1.GetBillingAccountResponse;
import io.resourceplans.api.v1.ListSitesRequest;
import io.resourceplans.api.v1.ListSitesResponse;
import io.resourceplans.api.v1.ListWorkspacesRequest;
import io.resourceplans.api.v1.ListWorkspacesResponse;
import io.resourceplans.api.v1.LogInRequest;
import io.resourceplans.api.v1.LogInResponse;
import io.resourceplans.api.v1.OpenWorkspaceRequest;
import io.resourceplans.api.v1.OpenWorkspaceResponse;
import io.resourceplans.api.v1.RegisterRequest;
import io.resourceplans.api.v1.RegisterResponse;
import io.resourceplans.api.v1.ResolveLoginTicketRequest;
import io.resourceplans.api.v1.ResolveLoginTicketResponse;
import io.resourceplans.api.v1.SendVerificationCodeRequest;
import io.resourceplans.api.v1.SendVerificationCodeResponse;
import io.resourceplans.api.v1.UpdateWorkspaceRequest;
import io.resourceplans.api.v1.UpdateWorkspaceResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/** BindingService: the vendor side of marketplace activation; every RPC delegates to {@link BindingRpcs}. */
@Singleton
public final class BindingGrpcService extends BindingServiceGrpc.BindingServiceImplBase {
  private final BindingRpcs rpcs;

  @Inject
  BindingGrpcService(BindingRpcs rpcs) {
    this.rpcs = rpcs;
  }

  @Override
  public void listSites(ListSitesRequest request, StreamObserver<ListSitesResponse> out) {
    rpcs.listSites(request, out);
  }

  @Override
  public void resolveLoginTicket(ResolveLoginTicketRequest request, StreamObserver<ResolveLoginTicketResponse> out) {
    rpcs.resolveLoginTicket(request, out);
  }

  @Override
  public void sendVerificationCode(
      SendVerificationCodeRequest request, StreamObserver<SendVerificationCodeResponse> out) {
    rpcs.sendVerificationCode(request, out);
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> out) {
    rpcs.register(request, out);
  }

  @Override
  public void bindBillingAccount(BindBillingAccountRequest request, StreamObserver<BindBillingAccountResponse> out) {
    rpcs.bindBillingAccount(request, out);
  }

  @Override
  public void createWorkspace(CreateWorkspaceRequest request, StreamObserver<CreateWorkspaceResponse> out) {
    rpcs.createWorkspace(request, out);
  }

  @Override
  public void bindWorkspace(BindWorkspaceRequest request, StreamObserver<BindWorkspaceResponse> out) {
    rpcs.bindWorkspace(request, out);
  }

  @Override
  public void updateWorkspace(UpdateWorkspaceRequest request, StreamObserver<UpdateWorkspaceResponse> out) {
    rpcs.updateWorkspace(request, out);
  }

  @Override
  public void listWorkspaces(ListWorkspacesRequest request, StreamObserver<ListWorkspacesResponse> out) {
    rpcs.listWorkspaces(request, out);
  }

  @Override
  public void getBillingAccount(GetBillingAccountRequest request, StreamObserver<GetBillingAccountResponse> out) {
    rpcs.getBillingAccount(request, out);
  }

  @Override
  public void createBillingAccount(
      CreateBillingAccountRequest request, StreamObserver<CreateBillingAccountResponse> out) {
    rpcs.createBillingAccount(request, out);
  }

  @Override
  public void logIn(LogInRequest request, StreamObserver<LogInResponse> out) {
    rpcs.logIn(request, out);
  }

  @Override
  public void openWorkspace(OpenWorkspaceRequest request, StreamObserver<OpenWorkspaceResponse> out) {
    rpcs.openWorkspace(request, out);
  }
}
