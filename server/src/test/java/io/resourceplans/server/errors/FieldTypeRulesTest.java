package io.resourceplans.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
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
import io.resourceplans.api.v1.MoneyRules;
import io.resourceplans.api.v1.PlanSpec;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.api.v1.UpdateProductRequest;
import io.resourceplans.api.v1.ValidationProto;
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

  /**
   * A message type built at run time, field {@code value} of {@code type} (a message type name, or
   * null for a string) carrying the given money rules, so that rules the protos do not use today
   * can be tried.
   */
  private static Descriptor withRules(String type, boolean repeated, MoneyRules moneyRules) throws DescriptorValidationException {
    FieldDescriptorProto.Builder field =
        FieldDescriptorProto.newBuilder()
            .setName("value")
            .setNumber(1)
            .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL)
            .setOptions(FieldOptions.newBuilder().setExtension(ValidationProto.money, moneyRules));
    if (type == null) {
      field.setType(FieldDescriptorProto.Type.TYPE_STRING);
    } else {
      field.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(type);
    }
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("test/money_rules.proto")
            .setPackage("test")
            .setSyntax("proto3")
            .addDependency(Money.getDescriptor().getFile().getName())
            .addDependency(ValidationProto.getDescriptor().getName())
            .addDependency(Timestamp.getDescriptor().getFile().getName())
            .addMessageType(DescriptorProto.newBuilder().setName("Holder").addField(field))
            .build();
    return FileDescriptor.buildFrom(file, new FileDescriptor[] {Money.getDescriptor().getFile(), ValidationProto.getDescriptor(), Timestamp.getDescriptor().getFile()})
        .findMessageTypeByName("Holder");
  }

  private List<String> moneyViolations(Descriptor type, Money... values) {
    DynamicMessage.Builder holder = DynamicMessage.newBuilder(type);
    var field = type.findFieldByName("value");
    for (Money value : values) {
      if (field.isRepeated()) {
        holder.addRepeatedField(field, value);
      } else {
        holder.setField(field, value);
      }
    }
    FieldTypeRules.Findings findings = rules.check(holder.build());
    assertEquals(List.of(), findings.typeViolations());
    return findings.sharedViolations().stream().map(l -> l.violation().field() + ": " + l.violation().description()).toList();
  }

  @Test
  void declaredMoneyRulesOfAnyShapeAreKept() throws Exception {
    Descriptor whole = withRules(".google.type.Money", false, MoneyRules.newBuilder().setMaxDecimalPlaces(0).build());
    assertEquals(List.of(), moneyViolations(whole, money(5, 0)));
    assertEquals(List.of("value: must have at most 0 decimal places"), moneyViolations(whole, money(5, 500_000_000)));
    Descriptor tenths = withRules(".google.type.Money", true, MoneyRules.newBuilder().setAllowZero(true).setMaxDecimalPlaces(1).build());
    assertEquals(
        List.of("value[1]: must be zero or more (units >= 0, 0 <= nanos <= 999999999)", "value[1]: must have at most 1 decimal place"),
        moneyViolations(tenths, money(0, 0), money(-1, -50_000_000)));
    Descriptor nine = withRules(".google.type.Money", false, MoneyRules.newBuilder().setMaxDecimalPlaces(9).build());
    assertEquals(List.of(), moneyViolations(nine, money(0, 1)));
    assertEquals(
        List.of("value: currency_code must be 3 upper-case letters (ISO 4217)", "value: must be greater than zero (units >= 0, 0 <= nanos <= 999999999)"),
        moneyViolations(nine, Money.newBuilder().setCurrencyCode("CNY\n").build()));
    // An amount outside the API's range is a type violation, answered alone without the declared rules.
    FieldTypeRules.Findings findings =
        rules.check(DynamicMessage.newBuilder(nine).setField(nine.findFieldByName("value"), money(-1, 1)).build());
    assertEquals(List.of("value"), findings.typeViolations().stream().map(FieldViolation::field).toList());
    assertEquals(List.of(), findings.sharedViolations());
  }

  @Test
  void moneyRulesOnAFieldThatIsNoMoneyAreRefused() throws Exception {
    Descriptor onString = withRules(null, false, MoneyRules.getDefaultInstance());
    assertThrows(IllegalStateException.class, () -> rules.check(DynamicMessage.newBuilder(onString).build()));
    Descriptor onTimestamp = withRules(".google.protobuf.Timestamp", false, MoneyRules.getDefaultInstance());
    assertThrows(IllegalStateException.class, () -> rules.check(DynamicMessage.newBuilder(onTimestamp).build()));
    Descriptor tooFine = withRules(".google.type.Money", false, MoneyRules.newBuilder().setMaxDecimalPlaces(10).build());
    assertThrows(IllegalStateException.class, () -> rules.check(DynamicMessage.newBuilder(tooFine).build()));
  }

  private static Money money(long units, int nanos) {
    return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).setNanos(nanos).build();
  }

  private static IssueVoucherRequest voucher(Money minimum) {
    return IssueVoucherRequest.newBuilder().setMinimumOrderAmount(minimum).build();
  }
}
