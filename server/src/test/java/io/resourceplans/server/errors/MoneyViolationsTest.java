package io.resourceplans.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.type.Money;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.ServiceDescriptor;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.domain.error.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pins, for every google.type.Money field that any request of the four services can carry (found
 * through the descriptors, nested and repeated ones included), the whole list of violations the
 * interceptor answers for each of a set of good and bad amounts: the field paths, the messages,
 * their order among the request's other violations, and which rule answers alone. The expected
 * lists are in money-violations.golden next to this class; a change of what callers see shows
 * up as a diff there. After an intended change, rewrite it with
 * {@code -Drp.golden.write=true} (the run then fails, to have the diff reviewed) and commit it.
 */
class MoneyViolationsTest {
  private static final String GOLDEN = "money-violations.golden";
  private static final List<ServiceDescriptor> API =
      List.of(
          PlanServiceGrpc.getServiceDescriptor(),
          ActivationServiceGrpc.getServiceDescriptor(),
          BindingServiceGrpc.getServiceDescriptor(),
          OperatorServiceGrpc.getServiceDescriptor());
  private static final String MONEY = Money.getDescriptor().getFullName();

  private final ValidationInterceptor interceptor = new ValidationInterceptor(new FieldTypeRules());

  /** One Money field reachable from a request: the fields from the request down to it. */
  private record MoneyField(Message request, List<FieldDescriptor> chain) {
    String path() {
      StringBuilder out = new StringBuilder();
      for (FieldDescriptor field : chain) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(field.getName());
        if (field.isRepeated()) {
          out.append("[0]");
        }
      }
      return out.toString();
    }
  }

  /** Amounts on both sides of every rule a Money field has had: sign, decimals, range, currency. */
  private static final Map<String, Money> AMOUNTS = new LinkedHashMap<>();

  static {
    amount("CNY", 1, 100_000_000);
    amount("CNY", 0, 0);
    amount("CNY", 0, 1);
    amount("CNY", 0, 10_000_000);
    amount("CNY", 1, 5_000_000);
    amount("CNY", 999_999_999, 990_000_000);
    amount("CNY", 1_000_000_000, 0);
    amount("CNY", 1_000_000_000, 10_000_000);
    amount("CNY", 5_000_000_000L, 0);
    amount("CNY", Long.MAX_VALUE, 0);
    amount("CNY", Long.MIN_VALUE, 0);
    amount("CNY", -1, 0);
    amount("CNY", 0, -10_000_000);
    amount("CNY", -1, -5_000_000);
    amount("CNY", -1_000_000_000, -10_000_000);
    amount("CNY", 1, -1);
    amount("CNY", -1, 1);
    amount("CNY", 0, 1_000_000_000);
    amount("CNY", 0, -1_000_000_000);
    amount("cny", 1, 0);
    amount("", 5, 1);
    amount("CN", 1, 0);
    amount("CNYX", 1, 0);
    amount("CNY\n", 1, 0);
    amount("CN\u0000", 1, 0);
    amount("x", -1, 0);
    amount("x", 0, 0);
    amount("", -1, -5);
  }

  private static void amount(String currency, long units, int nanos) {
    Money m = Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
    AMOUNTS.put(label(m), m);
  }

  private static String label(Money m) {
    return "'" + m.getCurrencyCode().replace("\n", "\\n").replace("\u0000", "\\0") + "' " + m.getUnits() + " " + m.getNanos();
  }

  /** Every request type of the API, by full name. */
  private static Map<String, Message> requests() {
    Map<String, Message> out = new TreeMap<>();
    for (ServiceDescriptor service : API) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        Message prototype = (Message) ((PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
        out.put(prototype.getDescriptorForType().getFullName(), prototype);
      }
    }
    return out;
  }

  /** Every Money field reachable from the request type, depth first in declaration order. */
  private static void moneyFields(
      Message request, Descriptor type, List<FieldDescriptor> chain, Set<Descriptor> onPath, List<MoneyField> out) {
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<FieldDescriptor> next = new ArrayList<>(chain);
      next.add(field);
      if (field.isMapField()) {
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        assertTrue(
            value.getJavaType() != FieldDescriptor.JavaType.MESSAGE || !reachesMoney(value.getMessageType(), new HashSet<>()),
            () -> "a map reaching a Money value, which this test does not build: " + field.getFullName());
        continue;
      }
      Descriptor fieldType = field.getMessageType();
      if (fieldType.getFullName().equals(MONEY)) {
        out.add(new MoneyField(request, next));
      } else if (!fieldType.getFullName().startsWith("google.protobuf.") && onPath.add(fieldType)) {
        moneyFields(request, fieldType, next, onPath, out);
        onPath.remove(fieldType);
      }
    }
  }

  private static boolean reachesMoney(Descriptor type, Set<Descriptor> seen) {
    if (type.getFullName().equals(MONEY)) {
      return true;
    }
    if (!seen.add(type)) {
      return false;
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && reachesMoney(field.getMessageType(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static List<MoneyField> allMoneyFields() {
    List<MoneyField> out = new ArrayList<>();
    for (Message request : requests().values()) {
      moneyFields(request, request.getDescriptorForType(), List.of(), new HashSet<>(), out);
    }
    return out;
  }

  /**
   * The request's default with the chain's messages present (one element of each repeated one)
   * and the Money field set to {@code value}, or left unset when it is null.
   */
  private static Message withMoney(Message request, List<FieldDescriptor> chain, Money value) {
    Message.Builder builder = request.toBuilder();
    set(builder, chain, 0, value);
    return builder.build();
  }

  private static void set(Message.Builder builder, List<FieldDescriptor> chain, int i, Money value) {
    FieldDescriptor field = chain.get(i);
    Message child;
    if (i == chain.size() - 1) {
      if (value == null) {
        return;
      }
      child = value;
    } else {
      Message.Builder childBuilder =
          field.isRepeated() || !builder.hasField(field)
              ? builder.newBuilderForField(field)
              : ((Message) builder.getField(field)).toBuilder();
      set(childBuilder, chain, i + 1, value);
      child = childBuilder.build();
    }
    if (field.isRepeated()) {
      if (builder.getRepeatedFieldCount(field) == 0) {
        builder.addRepeatedField(field, child);
      } else {
        // Two Money fields under one repeated field (all-at-once case): both in element 0.
        Message.Builder element = ((Message) builder.getRepeatedField(field, 0)).toBuilder();
        if (i < chain.size() - 1) {
          set(element, chain, i + 1, value);
          builder.setRepeatedField(field, 0, element.build());
        } else {
          builder.setRepeatedField(field, 0, child);
        }
      }
    } else {
      builder.setField(field, child);
    }
  }

  /** The message with every repeated field of the chain holding its element 0 twice. */
  private static Message doubled(Message message, List<FieldDescriptor> chain, int i) {
    FieldDescriptor field = chain.get(i);
    Message.Builder builder = message.toBuilder();
    if (field.isRepeated()) {
      if (builder.getRepeatedFieldCount(field) != 1) {
        return message;
      }
      Message element = (Message) builder.getRepeatedField(field, 0);
      if (i < chain.size() - 1) {
        element = doubled(element, chain, i + 1);
        builder.setRepeatedField(field, 0, element);
      }
      builder.addRepeatedField(field, element);
    } else if (i < chain.size() - 1 && builder.hasField(field)) {
      builder.setField(field, doubled((Message) builder.getField(field), chain, i + 1));
    }
    return builder.build();
  }

  private String render(Message request) {
    List<String> lines = new ArrayList<>();
    for (FieldViolation v : interceptor.violations(request)) {
      lines.add(v.field() + ": " + v.description());
    }
    return lines.isEmpty() ? "ok" : String.join(" | ", lines);
  }

  /** The whole report, one line per request, Money field and amount. */
  private String report(List<MoneyField> fields) {
    StringBuilder out = new StringBuilder();
    Map<String, List<MoneyField>> byRequest = new LinkedHashMap<>();
    for (MoneyField field : fields) {
      String name = field.request().getDescriptorForType().getName();
      byRequest.computeIfAbsent(name, k -> new ArrayList<>()).add(field);
      out.append(name).append(' ').append(field.path()).append(" unset => ")
          .append(render(withMoney(field.request(), field.chain(), null))).append('\n');
      for (var amount : AMOUNTS.entrySet()) {
        out.append(name).append(' ').append(field.path()).append(' ').append(amount.getKey()).append(" => ")
            .append(render(withMoney(field.request(), field.chain(), amount.getValue()))).append('\n');
      }
    }
    // Every Money field of a request given the same amount at once, and once more next to a
    // request_id that breaks a type rule (which is then answered alone).
    for (var entry : byRequest.entrySet()) {
      Message request = entry.getValue().get(0).request();
      FieldDescriptor requestId = request.getDescriptorForType().findFieldByName("request_id");
      for (var amount : AMOUNTS.entrySet()) {
        Message all = request;
        for (MoneyField field : entry.getValue()) {
          all = withMoney(all, field.chain(), amount.getValue());
        }
        out.append(entry.getKey()).append(" * ").append(amount.getKey()).append(" => ").append(render(all)).append('\n');
        Message twice = all;
        for (MoneyField field : entry.getValue()) {
          twice = doubled(twice, field.chain(), 0);
        }
        if (!twice.equals(all)) {
          // Two equal elements in each repeated field: item [1] too, and list rules such as
          // "at most one price per purpose" among the money violations.
          out.append(entry.getKey()).append(" * ").append(amount.getKey()).append(" twice => ")
              .append(render(twice)).append('\n');
        }
        if (requestId != null) {
          Message nul = all.toBuilder().setField(requestId, "r\u0000").build();
          out.append(entry.getKey()).append(" * ").append(amount.getKey()).append(" request_id NUL => ")
              .append(render(nul)).append('\n');
        }
      }
    }
    return out.toString();
  }

  @Test
  void everyMoneyFieldARequestCanCarryDeclaresItsMoneyRules() {
    List<String> without = new ArrayList<>();
    Set<String> declaring = new java.util.TreeSet<>();
    for (MoneyField field : allMoneyFields()) {
      FieldDescriptor money = field.chain().get(field.chain().size() - 1);
      if (money.getOptions().hasExtension(io.resourceplans.api.v1.ValidationProto.money)) {
        declaring.add(money.getFullName());
      } else {
        without.add(field.request().getDescriptorForType().getName() + " " + field.path());
      }
    }
    assertEquals(List.of(), without, "a request's Money field without (resourceplans.v1.money)");
    assertEquals(10, declaring.size(), declaring::toString);
  }

  @Test
  void everyMoneyFieldOfEveryRequestAnswersAsPinned() throws IOException {
    List<MoneyField> fields = allMoneyFields();
    List<String> paths = fields.stream().map(f -> f.request().getDescriptorForType().getName() + " " + f.path()).toList();
    // Guards the walk itself: the operator requests and the plan spec / product prices are in.
    assertTrue(paths.contains("TopUpCashRequest amount"), () -> String.join("\n", paths));
    assertTrue(paths.contains("CreatePlanSpecRequest plan_spec.purpose_prices[0].tiers[0].unit_price"), () -> String.join("\n", paths));
    assertTrue(paths.contains("UpdateProductRequest product.pay_as_you_go_prices[0].unit_price"), () -> String.join("\n", paths));
    String actual = report(fields);
    if (Boolean.getBoolean("rp.golden.write")) {
      Path file = Path.of("src/test/resources/io/resourceplans/server/errors", GOLDEN);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      fail("wrote " + file.toAbsolutePath() + "; review the diff, then run again without rp.golden.write");
    }
    String expected;
    try (InputStream in = MoneyViolationsTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null) {
        fail(GOLDEN + " is missing; write it with -Drp.golden.write=true");
      }
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      String w = i < want.size() ? want.get(i) : "(none)";
      String g = i < got.size() ? got.get(i) : "(none)";
      if (!w.equals(g)) {
        differences.add("line " + (i + 1) + "\n  want " + w + "\n  got  " + g);
      }
    }
    assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())), () -> differences.size() + " lines differ");
  }
}
