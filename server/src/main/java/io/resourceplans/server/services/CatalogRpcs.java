package io.resourceplans.server.services;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CreatePlanSpecResponse;
import io.resourceplans.api.v1.CreateProductRequest;
import io.resourceplans.api.v1.CreateProductResponse;
import io.resourceplans.api.v1.GetPlanSpecRequest;
import io.resourceplans.api.v1.GetPlanSpecResponse;
import io.resourceplans.api.v1.GetProductRequest;
import io.resourceplans.api.v1.GetProductResponse;
import io.resourceplans.api.v1.ListPlanSpecsRequest;
import io.resourceplans.api.v1.ListPlanSpecsResponse;
import io.resourceplans.api.v1.ListProductsRequest;
import io.resourceplans.api.v1.ListProductsResponse;
import io.resourceplans.api.v1.QuotePriceRequest;
import io.resourceplans.api.v1.QuotePriceResponse;
import io.resourceplans.api.v1.RetirePlanSpecRequest;
import io.resourceplans.api.v1.RetirePlanSpecResponse;
import io.resourceplans.api.v1.UpdatePlanSpecRequest;
import io.resourceplans.api.v1.UpdatePlanSpecResponse;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.UpdateProductResponse;
import javax.inject.Inject;
import javax.inject.Singleton;

/** RPC handlers for the catalog: products, plan specs and quotes; the gRPC service classes delegate here. */
@Singleton
public final class CatalogRpcs {
  @Inject
  CatalogRpcs() {}

  public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListProducts is not implemented yet").asRuntimeException();
  }

  public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetProduct is not implemented yet").asRuntimeException();
  }

  public void listPlanSpecs(ListPlanSpecsRequest request, StreamObserver<ListPlanSpecsResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("ListPlanSpecs is not implemented yet").asRuntimeException();
  }

  public void getPlanSpec(GetPlanSpecRequest request, StreamObserver<GetPlanSpecResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("GetPlanSpec is not implemented yet").asRuntimeException();
  }

  public void quotePrice(QuotePriceRequest request, StreamObserver<QuotePriceResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("QuotePrice is not implemented yet").asRuntimeException();
  }

  public void createProduct(CreateProductRequest request, StreamObserver<CreateProductResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("CreateProduct is not implemented yet").asRuntimeException();
  }

  public void updateProduct(UpdateProductRequest request, StreamObserver<UpdateProductResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("UpdateProduct is not implemented yet").asRuntimeException();
  }

  public void createPlanSpec(CreatePlanSpecRequest request, StreamObserver<CreatePlanSpecResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("CreatePlanSpec is not implemented yet").asRuntimeException();
  }

  public void updatePlanSpec(UpdatePlanSpecRequest request, StreamObserver<UpdatePlanSpecResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("UpdatePlanSpec is not implemented yet").asRuntimeException();
  }

  public void retirePlanSpec(RetirePlanSpecRequest request, StreamObserver<RetirePlanSpecResponse> out) {
    throw Status.UNIMPLEMENTED.withDescription("RetirePlanSpec is not implemented yet").asRuntimeException();
  }
}
