package io.resourceplans.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.resourceplans.api.v1.ActivationServiceGrpc;
import io.resourceplans.api.v1.BindingServiceGrpc;
import io.resourceplans.api.v1.OperatorServiceGrpc;
import io.resourceplans.api.v1.PlanServiceGrpc;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {
  @Test
  void everyReadAndEveryMutationWithARequestIdIsRetriedAndNothingElse() {
    Set<String> retried = new HashSet<>();
    @SuppressWarnings("unchecked")
    List<Map<String, ?>> methodConfig = (List<Map<String, ?>>) RetrySettings.defaults().serviceConfig().get("methodConfig");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> names = (List<Map<String, String>>) methodConfig.get(0).get("name");
    names.forEach(n -> retried.add(n.get("service") + "/" + n.get("method")));

    Stream.of(
            PlanServiceGrpc.getServiceDescriptor(),
            ActivationServiceGrpc.getServiceDescriptor(),
            BindingServiceGrpc.getServiceDescriptor(),
            OperatorServiceGrpc.getServiceDescriptor())
        .flatMap(s -> s.getMethods().stream())
        .forEach(
            (MethodDescriptor<?, ?> m) -> {
              boolean read = m.getBareMethodName().matches("(Get|List|Lookup|Quote|Check|Watch|Export).*");
              boolean mutationWithId =
                  RequestIds.hasIdempotencyKey(
                      ((io.grpc.protobuf.ProtoMethodDescriptorSupplier) m.getSchemaDescriptor())
                          .getMethodDescriptor()
                          .getInputType());
              assertEquals(read || mutationWithId, retried.contains(m.getFullMethodName()), m.getFullMethodName());
            });
    assertFalse(retried.contains("resourceplans.v1.BindingService/LogIn"));
    assertTrue(retried.contains("resourceplans.v1.PlanService/RecordUsage"));
  }

  @Test
  void thePolicyRetriesUnavailableAndAbortedWithTheConfiguredBackoff() {
    RetrySettings settings =
        RetrySettings.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(50)).maxBackoff(Duration.ofSeconds(2)).build();
    @SuppressWarnings("unchecked")
    Map<String, ?> policy =
        (Map<String, ?>) ((List<Map<String, ?>>) settings.serviceConfig().get("methodConfig")).get(0).get("retryPolicy");

    assertEquals(3.0, policy.get("maxAttempts"));
    assertEquals("0.050000000s", policy.get("initialBackoff"));
    assertEquals("2.000000000s", policy.get("maxBackoff"));
    assertEquals(List.of("UNAVAILABLE", "ABORTED"), policy.get("retryableStatusCodes"));
    assertEquals(Map.of("maxTokens", 100.0, "tokenRatio", 0.1), settings.serviceConfig().get("retryThrottling"));
  }

  @Test
  void disabledRetriesHaveNoPolicyAndBadSettingsAreRefused() {
    assertEquals(Map.of(), RetrySettings.disabled().serviceConfig());
    assertThrows(IllegalArgumentException.class, () -> RetrySettings.builder().maxAttempts(6));
    assertThrows(IllegalArgumentException.class, () -> RetrySettings.builder().initialBackoff(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetrySettings.builder().backoffMultiplier(0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> RetrySettings.builder().initialBackoff(Duration.ofSeconds(3)).maxBackoff(Duration.ofSeconds(1)).build());
  }
}
