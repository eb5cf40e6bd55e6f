package io.resourceplans.server.services;

import static io.resourceplans.server.services.Replies.reply;

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
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.catalog.CatalogService;
import io.resourceplans.domain.catalog.NewPlanSpec;
import io.resourceplans.domain.catalog.NewProduct;
import io.resourceplans.domain.catalog.PlanSpecUpdate;
import io.resourceplans.domain.catalog.ProductUpdate;
import io.resourceplans.domain.catalog.Purpose;
import io.resourceplans.domain.common.PageRequest;
import io.resourceplans.server.auth.CallPrincipal;
import io.resourceplans.server.mapping.CatalogMapper;
import io.resourceplans.server.mapping.PurposeMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * RPC handlers for the catalog: products, plan specs and quotes; the gRPC service classes delegate
 * here. Reads and quotes are open to any authenticated caller; changes are operator-only.
 */
@Singleton
public final class CatalogRpcs {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final CatalogService catalog;
  private final CallRunner calls;

  @Inject
  CatalogRpcs(CatalogService catalog, CallRunner calls) {
    this.catalog = catalog;
    this.calls = calls;
  }

  public void listProducts(ListProductsRequest request, StreamObserver<ListProductsResponse> out) {
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var products = calls.read(tx -> catalog.listProducts(tx, page));
    reply(
        out,
        ListProductsResponse.newBuilder()
            .addAllProducts(products.items().stream().map(CatalogMapper::toProto).toList())
            .setNextPageToken(products.nextPageToken().orElse(""))
            .build());
  }

  public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> out) {
    var product = calls.read(tx -> catalog.getProduct(tx, request.getProductId()));
    reply(out, GetProductResponse.newBuilder().setProduct(CatalogMapper.toProto(product)).build());
  }

  public void listPlanSpecs(ListPlanSpecsRequest request, StreamObserver<ListPlanSpecsResponse> out) {
    PageRequest page = Pages.of(request, DEFAULT_PAGE_SIZE);
    var specs =
        calls.read(
            tx -> catalog.listPlanSpecs(tx, request.getProductId(), request.getIncludeRetired(), page));
    reply(
        out,
        ListPlanSpecsResponse.newBuilder()
            .addAllPlanSpecs(specs.items().stream().map(CatalogMapper::toProto).toList())
            .setNextPageToken(specs.nextPageToken().orElse(""))
            .build());
  }

  public void getPlanSpec(GetPlanSpecRequest request, StreamObserver<GetPlanSpecResponse> out) {
    var spec = calls.read(tx -> catalog.getPlanSpec(tx, request.getPlanSpecId()));
    reply(out, GetPlanSpecResponse.newBuilder().setPlanSpec(CatalogMapper.toProto(spec)).build());
  }

  public void quotePrice(QuotePriceRequest request, StreamObserver<QuotePriceResponse> out) {
    Purpose purpose = PurposeMapper.toDomain(request.getPurpose(), "purpose");
    var quote =
        calls.read(
            tx -> catalog.quote(tx, request.getPlanSpecId(), request.getQuantity(), purpose));
    reply(out, CatalogMapper.toProto(quote));
  }

  public void createProduct(CreateProductRequest request, StreamObserver<CreateProductResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    NewProduct product = CatalogMapper.toNewProduct(request.getProduct());
    reply(
        out,
        calls.once(
            caller,
            request,
            CreateProductResponse.parser(),
            tx ->
                CreateProductResponse.newBuilder()
                    .setProduct(CatalogMapper.toProto(catalog.createProduct(tx, caller, product)))
                    .build()));
  }

  public void updateProduct(UpdateProductRequest request, StreamObserver<UpdateProductResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    String productId = request.getProduct().getProductId();
    ProductUpdate update = CatalogMapper.toProductUpdate(request.getProduct(), request.getUpdateMask());
    reply(
        out,
        calls.once(
            caller,
            request,
            UpdateProductResponse.parser(),
            tx ->
                UpdateProductResponse.newBuilder()
                    .setProduct(CatalogMapper.toProto(catalog.updateProduct(tx, caller, productId, update)))
                    .build()));
  }

  public void createPlanSpec(CreatePlanSpecRequest request, StreamObserver<CreatePlanSpecResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    NewPlanSpec spec = CatalogMapper.toNewPlanSpec(request.getPlanSpec());
    reply(
        out,
        calls.once(
            caller,
            request,
            CreatePlanSpecResponse.parser(),
            tx ->
                CreatePlanSpecResponse.newBuilder()
                    .setPlanSpec(CatalogMapper.toProto(catalog.createPlanSpec(tx, caller, spec)))
                    .build()));
  }

  public void updatePlanSpec(UpdatePlanSpecRequest request, StreamObserver<UpdatePlanSpecResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    String planSpecId = request.getPlanSpec().getPlanSpecId();
    PlanSpecUpdate update = CatalogMapper.toPlanSpecUpdate(request.getPlanSpec(), request.getUpdateMask());
    reply(
        out,
        calls.once(
            caller,
            request,
            UpdatePlanSpecResponse.parser(),
            tx ->
                UpdatePlanSpecResponse.newBuilder()
                    .setPlanSpec(CatalogMapper.toProto(catalog.updatePlanSpec(tx, caller, planSpecId, update)))
                    .build()));
  }

  public void retirePlanSpec(RetirePlanSpecRequest request, StreamObserver<RetirePlanSpecResponse> out) {
    Principal caller = CallPrincipal.current();
    caller.requireOperator();
    reply(
        out,
        calls.once(
            caller,
            request,
            RetirePlanSpecResponse.parser(),
            tx ->
                RetirePlanSpecResponse.newBuilder()
                    .setPlanSpec(
                        CatalogMapper.toProto(catalog.retirePlanSpec(tx, caller, request.getPlanSpecId())))
                    .build()));
  }
}
