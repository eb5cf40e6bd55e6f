package io.resourceplans.server.mapping;

import io.resourceplans.api.v1.BalanceKind;
import io.resourceplans.api.v1.LedgerEntry;
import io.resourceplans.api.v1.LedgerEntryKind;
import io.resourceplans.api.v1.Order;
import io.resourceplans.api.v1.OrderLine;
import io.resourceplans.api.v1.OrderLineType;
import io.resourceplans.api.v1.OrderState;
import io.resourceplans.api.v1.Package;
import io.resourceplans.api.v1.PackageStatus;
import io.resourceplans.api.v1.Payment;
import io.resourceplans.api.v1.PricingModel;
import io.resourceplans.api.v1.Voucher;
import io.resourceplans.api.v1.VoucherState;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.api.v1.Wallet;
import io.resourceplans.domain.quota.PlanPackage;
import java.time.Instant;
import java.util.List;

/** Wallets, ledger entries, vouchers, orders and packages as API messages, and their enums back. */
public final class BillingMapper {
  private BillingMapper() {}

  public static Wallet toProto(io.resourceplans.domain.billing.Wallet w) {
    return Wallet.newBuilder()
        .setAccountId(w.accountId())
        .setCashBalance(MoneyMapper.toProto(w.cash()))
        .setGiftBalance(MoneyMapper.toProto(w.gift()))
        .setCreditLine(MoneyMapper.toProto(w.creditLine()))
        .setCreditUsed(MoneyMapper.toProto(w.creditUsed()))
        .setAvailable(MoneyMapper.toProto(w.available()))
        .setUpdateTime(Timestamps.of(w.updateTime()))
        .build();
  }

  public static LedgerEntry toProto(io.resourceplans.domain.billing.LedgerEntry e) {
    LedgerEntry.Builder b =
        LedgerEntry.newBuilder()
            .setLedgerEntryId(e.ledgerEntryId())
            .setAccountId(e.accountId())
            .setKind(LedgerEntryKind.valueOf("LEDGER_ENTRY_KIND_" + e.kind().name()))
            .setBalanceKind(BalanceKind.valueOf("BALANCE_KIND_" + e.balanceKind().name()))
            .setAmount(MoneyMapper.toProto(e.amount()))
            .setBalanceAfter(MoneyMapper.toProto(e.balanceAfter()))
            .setDescription(e.description())
            .setCreateTime(Timestamps.of(e.createTime()));
    if (e.orderId() != null) {
      b.setOrderId(e.orderId());
    }
    if (e.usageId() != null) {
      b.setUsageId(e.usageId());
    }
    return b.build();
  }

  public static List<LedgerEntry> toProto(List<io.resourceplans.domain.billing.LedgerEntry> entries) {
    return entries.stream().map(BillingMapper::toProto).toList();
  }

  public static Voucher toProto(io.resourceplans.domain.billing.Voucher v, Instant now) {
    Voucher.Builder b =
        Voucher.newBuilder()
            .setVoucherId(v.voucherId())
            .setAccountId(v.accountId())
            .setAmount(MoneyMapper.toProto(v.amount()))
            .setMinimumOrderAmount(MoneyMapper.toProto(v.minimumOrderAmount()))
            .setState(VoucherState.valueOf("VOUCHER_STATE_" + v.state(now).name()))
            .setIssueTime(Timestamps.of(v.issueTime()))
            .setExpireTime(Timestamps.of(v.expireTime()));
    if (v.productId() != null) {
      b.setProductId(v.productId());
    }
    if (v.usedOrderId() != null) {
      b.setUsedOrderId(v.usedOrderId()).setUseTime(Timestamps.of(v.useTime()));
    }
    return b.build();
  }

  public static Order toProto(io.resourceplans.domain.billing.Order o, List<PlanPackage> packages, Instant now) {
    var payment = o.payment();
    OrderLine.Builder line =
        OrderLine.newBuilder()
            .setType(OrderLineType.ORDER_LINE_TYPE_PURCHASE)
            .setProductId(o.productId())
            .setPlanSpecId(o.planSpecId())
            .setResource(o.resource())
            .setConfiguration(o.configuration())
            .setPricingModel(PricingModel.PRICING_MODEL_ONE_TIME)
            .setQuantity(o.quantity())
            .setPurpose(PurposeMapper.toProto(o.purpose()))
            .setIssuedQuantity(o.issuedQuantity())
            .setValidityMonths(o.validityMonths())
            .setUnitPrice(MoneyMapper.toProto(o.unitPrice()))
            .setListAmount(MoneyMapper.toProto(o.listAmount()))
            .setVoucherDiscount(MoneyMapper.toProto(o.voucherDiscount()))
            .setSubtotal(MoneyMapper.toProto(o.totalAmount()))
            .setPurposePriceApplied(o.purposePriceApplied());
    if (o.appliedTier() != null) {
      line.setAppliedTier(
          VolumeTier.newBuilder()
              .setMinQuantity(o.appliedTier().minQuantity())
              .setMaxQuantity(o.appliedTier().maxQuantity())
              .setUnitPrice(MoneyMapper.toProto(o.appliedTier().unitPrice())));
    }
    Order.Builder b =
        Order.newBuilder()
            .setOrderId(o.orderId())
            .setState(OrderState.valueOf("ORDER_STATE_" + o.state(now).name()))
            .setRegionId(o.regionId())
            .setListAmount(MoneyMapper.toProto(o.listAmount()))
            .setVoucherDiscount(MoneyMapper.toProto(o.voucherDiscount()))
            .setTotalAmount(MoneyMapper.toProto(o.totalAmount()))
            .setAcceptedTermsVersion(o.acceptedTermsVersion())
            .setTermsAcceptTime(Timestamps.of(o.termsAcceptTime()))
            .setCreateTime(Timestamps.of(o.createTime()))
            .setExpireTime(Timestamps.of(o.expireTime()))
            .addAllPackageIds(packages.stream().map(PlanPackage::packageId).toList());
    if (o.cancelTime() != null) {
      b.setCancelTime(Timestamps.of(o.cancelTime()));
    }
    if (payment != null) {
      Payment.Builder p =
          Payment.newBuilder()
              .setVoucherAmount(MoneyMapper.toProto(payment.voucherAmount()))
              .setGiftAmount(MoneyMapper.toProto(payment.gift()))
              .setCashAmount(MoneyMapper.toProto(payment.cash()))
              .setCreditAmount(MoneyMapper.toProto(payment.credit()))
              .setPayTime(Timestamps.of(payment.payTime()));
      if (payment.voucherId() != null) {
        p.setVoucherId(payment.voucherId());
        line.setVoucherId(payment.voucherId());
      }
      b.setPayment(p).setPayTime(Timestamps.of(payment.payTime()));
    }
    return b.addLines(line).build();
  }

  public static Package toProto(PlanPackage p, Instant now) {
    return Package.newBuilder()
        .setPackageId(p.packageId())
        .setDisplayName(p.displayName())
        .setProductId(p.productId())
        .setPlanSpecId(p.planSpecId())
        .setPurpose(PurposeMapper.toProto(p.purpose()))
        .setRegionId(p.regionId())
        .setTotalQuantity(p.totalQuantity())
        .setRemainingQuantity(p.remainingQuantity())
        .setStatus(PackageStatus.valueOf("PACKAGE_STATUS_" + p.status(now).name()))
        .setOrderId(p.orderId())
        .setPurchaseTime(Timestamps.of(p.purchaseTime()))
        .setExpireTime(Timestamps.of(p.expireTime()))
        .build();
  }

  /** UNSPECIFIED (an unset filter) maps to null. */
  public static io.resourceplans.domain.billing.OrderState toDomain(OrderState s) {
    return s == OrderState.ORDER_STATE_UNSPECIFIED ? null
        : io.resourceplans.domain.billing.OrderState.valueOf(s.name().substring("ORDER_STATE_".length()));
  }

  public static io.resourceplans.domain.billing.VoucherState toDomain(VoucherState s) {
    return s == VoucherState.VOUCHER_STATE_UNSPECIFIED ? null
        : io.resourceplans.domain.billing.VoucherState.valueOf(s.name().substring("VOUCHER_STATE_".length()));
  }

  public static io.resourceplans.domain.quota.PackageStatus toDomain(PackageStatus s) {
    return s == PackageStatus.PACKAGE_STATUS_UNSPECIFIED ? null
        : io.resourceplans.domain.quota.PackageStatus.valueOf(s.name().substring("PACKAGE_STATUS_".length()));
  }

  public static io.resourceplans.domain.billing.BalanceKind toDomain(BalanceKind k) {
    return k == BalanceKind.BALANCE_KIND_UNSPECIFIED ? null
        : io.resourceplans.domain.billing.BalanceKind.valueOf(k.name().substring("BALANCE_KIND_".length()));
  }

  public static io.resourceplans.domain.billing.LedgerEntryKind toDomain(LedgerEntryKind k) {
    return k == LedgerEntryKind.LEDGER_ENTRY_KIND_UNSPECIFIED ? null
        : io.resourceplans.domain.billing.LedgerEntryKind.valueOf(k.name().substring("LEDGER_ENTRY_KIND_".length()));
  }
}
