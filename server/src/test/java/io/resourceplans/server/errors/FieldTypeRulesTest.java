package io.resourceplans.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.FieldMask;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.type.Money;
import io.resourceplans.api.v1.CreatePlanSpecRequest;
import io.resourceplans.api.v1.CustomPricing;
import io.resourceplans.api.v1.IssueVoucherRequest;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.VolumeTier;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.FieldViolation;
import io.resourceplans.server.mapping.MoneyMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of every field type, on messages of every shape: paths as protovalidate writes them. */
class FieldTypeRulesTest {
  private final FieldTypeRules rules = new FieldTypeRules();

  private List<String> paths(Message message) {
    return rules.violations(message).stream().map(FieldViolation::field).toList();
  }

  @Test
  void aNulIsFoundInTopLevelNestedRepeatedAndMapFields() {
    assertEquals(List.of(), paths(RecordUsageRequest.newBuilder().setRequestId("r-1").setProductId("sms").build()));
    assertEquals(List.of("product_id"), paths(RecordUsageRequest.newBuilder().setProductId("sms\u0000").build()));
    assertEquals(
        List.of("update_mask.paths[1]"),
        paths(UpdateProductRequest.newBuilder().setUpdateMask(FieldMask.newBuilder().addPaths("a").addPaths("\u0000")).build()));
    Struct struct =
        Struct.newBuilder()
            .putFields("nul\u0000key", Value.newBuilder().setStringValue("fine").build())
            .putFields("k", Value.newBuilder().setStringValue("\u0000").build())
            .putFields(
                "list",
                Value.newBuilder()
                    .setListValue(
                        ListValue.newBuilder()
                            .addValues(Value.newBuilder().setStringValue("fine"))
                            .addValues(Value.newBuilder().setStringValue("bad\u0000")))
                    .build())
            .build();
    assertEquals(
        Set.of("fields[\"nul\\u0000key\"]", "fields[\"k\"].string_value", "fields[\"list\"].list_value.values[1].string_value"),
        Set.copyOf(paths(struct)));
    assertEquals(FieldTypeRules.NUL, rules.violations(RecordUsageRequest.newBuilder().setRegionId("\u0000").build()).get(0).description());
  }

  @Test
  void aTimestampMustBeWithinItsRange() {
    for (Timestamp valid :
        List.of(
            Timestamp.newBuilder().setSeconds(-62_135_596_800L).build(),
            Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999).build())) {
      assertEquals(List.of(), paths(IssueVoucherRequest.newBuilder().setExpireTime(valid).build()));
    }
    for (Timestamp invalid :
        List.of(
            Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build(),
            Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).build(),
            Timestamp.newBuilder().setSeconds(253_402_300_800L).build(),
            Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
            Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(-1).build(),
            Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(1_000_000_000).build())) {
      IssueVoucherRequest request = IssueVoucherRequest.newBuilder().setExpireTime(invalid).build();
      assertEquals(List.of("expire_time"), paths(request), invalid::toString);
      // The same rule reads a message that is not of the generated class.
      assertEquals(List.of("expire_time"), paths(DynamicMessage.newBuilder(request).build()));
    }
  }

  @Test
  void everyAmountIsWithinTheApisRange() {
    for (Money valid :
        List.of(money(1_000_000_000L, 0), money(999_999_999L, 999_999_999), money(-1_000_000_000L, 0), money(0, 0), money(0, -5))) {
      assertEquals(List.of(), paths(voucher(valid)), valid::toString);
      MoneyMapper.toDomain(valid, "amount");
    }
    for (Money invalid :
        List.of(
            money(1_000_000_000L, 1),
            money(-1_000_000_000L, -1),
            money(Long.MAX_VALUE, 0),
            money(Long.MIN_VALUE, 0),
            money(9_223_372_036_854_775L, 0),
            money(1, -1),
            money(-1, 1),
            money(0, 1_000_000_000),
            money(0, Integer.MIN_VALUE))) {
      assertEquals(List.of("minimum_order_amount"), paths(voucher(invalid)), invalid::toString);
      assertThrows(DomainException.class, () -> MoneyMapper.toDomain(invalid, "amount"), invalid::toString);
    }
    CreatePlanSpecRequest deep =
        CreatePlanSpecRequest.newBuilder()
            .setPlanSpec(
                PlanSpec.newBuilder()
                    .setCustomPricing(
                        CustomPricing.newBuilder()
                            .addTiers(VolumeTier.newBuilder().setUnitPrice(money(0, 45_000_000)))
                            .addTiers(VolumeTier.newBuilder().setUnitPrice(money(Long.MAX_VALUE, 0)))))
            .build();
    assertEquals(List.of("plan_spec.custom_pricing.tiers[1].unit_price"), paths(deep));
  }

  @Test
  void violationsOfEveryRuleAreReportedTogether() {
    IssueVoucherRequest request =
        IssueVoucherRequest.newBuilder()
            .setAccountId("acc-\u0000")
            .setAmount(money(Long.MAX_VALUE, 0))
            .setExpireTime(Timestamp.newBuilder().setNanos(-1))
            .build();
    List<String> paths = paths(request);
    assertTrue(paths.containsAll(List.of("account_id", "amount", "expire_time")), paths::toString);
    assertEquals(3, paths.size());
  }

  private static Money money(long units, int nanos) {
    return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).setNanos(nanos).build();
  }

  private static IssueVoucherRequest voucher(Money minimum) {
    return IssueVoucherRequest.newBuilder().setMinimumOrderAmount(minimum).build();
  }
}
