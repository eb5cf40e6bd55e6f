package io.resourceplans.bench;

import io.resourceplans.api.v1.CheckQuotaRequest;
import io.resourceplans.api.v1.GetPackageRequest;
import io.resourceplans.api.v1.GetPackageSummaryRequest;
import io.resourceplans.api.v1.ListPackagesRequest;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.Purpose;
import io.resourceplans.client.PlanServiceClient;
import java.util.List;

/**
 * The calls the package-count sweep times: those whose work could grow with the account's
 * packages. ListPackages once without a filter and once with each filter it offers (a page of the
 * default size, the newest first, as a console's first page).
 */
enum SweepCall {
  CHECK_QUOTA("CheckQuota"),
  RECORD_USAGE("RecordUsage"),
  PACKAGE_SUMMARY("GetPackageSummary"),
  GET_PACKAGE("GetPackage"),
  LIST("ListPackages"),
  LIST_PRODUCT("ListPackages product"),
  LIST_PURPOSE("ListPackages purpose"),
  LIST_REGION("ListPackages region"),
  LIST_ACTIVE("ListPackages ACTIVE"),
  LIST_EXHAUSTED("ListPackages EXHAUSTED"),
  LIST_EXPIRED("ListPackages EXPIRED");

  private final String label;

  SweepCall(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * Sends call number {@code n} of this kind; RecordUsage takes a new request ID each time and
   * GetPackage goes round the sampled package IDs.
   */
  void call(PlanServiceClient plan, String requestIdPrefix, List<String> packageIds, long n) {
    switch (this) {
      case CHECK_QUOTA -> plan.checkQuota(CheckQuotaRequest.newBuilder()
          .setProductId(AccountPreparer.PRODUCT)
          .setPurpose(UsageCaller.USAGE_PURPOSE)
          .setQuantity(1)
          .setRegionId(AccountPreparer.REGION)
          .build());
      case RECORD_USAGE -> plan.recordUsage(UsageCaller.usage(requestIdPrefix + "-" + n));
      case PACKAGE_SUMMARY -> plan.getPackageSummary(GetPackageSummaryRequest.getDefaultInstance());
      case GET_PACKAGE -> plan.getPackage(
          GetPackageRequest.newBuilder().setPackageId(packageIds.get((int) (n % packageIds.size()))).build());
      case LIST -> plan.listPackages(ListPackagesRequest.getDefaultInstance());
      case LIST_PRODUCT -> plan.listPackages(ListPackagesRequest.newBuilder().setProductId(AccountPreparer.PRODUCT).build());
      case LIST_PURPOSE -> plan.listPackages(ListPackagesRequest.newBuilder().setPurpose(Purpose.PURPOSE_MARKETING).build());
      case LIST_REGION -> plan.listPackages(ListPackagesRequest.newBuilder().setRegionId("cn-hangzhou").build());
      case LIST_ACTIVE -> plan.listPackages(ListPackagesRequest.newBuilder().setStatus(PackageStatus.PACKAGE_STATUS_ACTIVE).build());
      case LIST_EXHAUSTED -> plan.listPackages(
          ListPackagesRequest.newBuilder().setStatus(PackageStatus.PACKAGE_STATUS_EXHAUSTED).build());
      case LIST_EXPIRED -> plan.listPackages(ListPackagesRequest.newBuilder().setStatus(PackageStatus.PACKAGE_STATUS_EXPIRED).build());
    }
  }
}
