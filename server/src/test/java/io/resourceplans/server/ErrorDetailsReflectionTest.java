package io.resourceplans.server;

import static io.resourceplans.server.testing.Errors.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.resourceplans.api.v1.PlanServiceGrpc;
import io.resourceplans.api.v1.RecordUsageRequest;
import io.resourceplans.server.testing.RawBytes;
import io.resourceplans.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server reflection, v1 and v1alpha, serves google/rpc/error_details.proto, so that grpcurl and buf
 * curl decode ErrorInfo, BadRequest and RetryInfo in the details of our errors; and it lists
 * exactly the services the server has, as before.
 */
class ErrorDetailsReflectionTest {
  @RegisterExtension static final TestServer server = TestServer.forClass();

  private static final String ERROR_DETAILS = "google/rpc/error_details.proto";
  private static final Set<String> SERVICES =
      Set.of(
          "resourceplans.v1.PlanService",
          "resourceplans.v1.ActivationService",
          "resourceplans.v1.BindingService",
          "resourceplans.v1.OperatorService",
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection");

  /** One reflection client: the v1 or the v1alpha protocol, over the server's channel. */
  private interface Reflection {
    List<String> listServices() throws Exception;

    /** The files of the answer: the one asked for first, then its imports. */
    List<FileDescriptorProto> fileContainingSymbol(String symbol) throws Exception;

    List<FileDescriptorProto> fileByFilename(String name) throws Exception;
  }

  @Test
  void v1ServesTheErrorDetailsAndListsTheSameServices() throws Exception {
    assertServesTheErrorDetails(new V1());
  }

  @Test
  void v1alphaServesTheErrorDetailsAndListsTheSameServices() throws Exception {
    assertServesTheErrorDetails(new V1Alpha());
  }

  /**
   * As grpcurl prints a status's details: each Any's type looked up by reflection, the message
   * built from the files reflection answers (not from classes compiled into the client), and
   * printed as JSON.
   */
  @Test
  void aClientWithOnlyReflectionDecodesTheDetailsOfARefusalAndOfBadInput() throws Exception {
    String key = server.newAccount("Reflected Errors").getApiKeySecret();
    StatusRuntimeException missingKey =
        assertStatus(
            Status.Code.UNAUTHENTICATED,
            () -> PlanServiceGrpc.newBlockingStub(server.channel()).recordUsage(RecordUsageRequest.getDefaultInstance()));
    StatusRuntimeException badInput =
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> server.plan(key).recordUsage(RecordUsageRequest.getDefaultInstance()));
    for (Reflection reflection : List.of(new V1(), new V1Alpha())) {
      List<JsonObject> refusal = decodedDetails(reflection, missingKey);
      assertEquals(1, refusal.size(), refusal::toString);
      assertEquals("type.googleapis.com/google.rpc.ErrorInfo", refusal.get(0).get("@type").getAsString());
      assertEquals("API_KEY_MISSING", refusal.get(0).get("reason").getAsString());
      assertEquals("resourceplans.io", refusal.get(0).get("domain").getAsString());

      List<JsonObject> invalid = decodedDetails(reflection, badInput);
      assertEquals(1, invalid.size(), invalid::toString);
      assertEquals("type.googleapis.com/google.rpc.BadRequest", invalid.get(0).get("@type").getAsString());
      List<String> fields = new ArrayList<>();
      invalid.get(0).getAsJsonArray("fieldViolations").forEach(v -> fields.add(v.getAsJsonObject().get("field").getAsString()));
      assertTrue(fields.contains("request_id"), fields::toString);
    }
  }

  @Test
  void aMethodTheServerDoesNotHaveIsStillUnimplemented() {
    for (String method :
        List.of(
            "grpc.reflection.v1.ServerReflection/NoSuchMethod",
            "resourceplans.v1.PlanService/NoSuchMethod",
            "google.rpc.ErrorInfo/NoSuchMethod",
            "no.such.Service/Method")) {
      assertStatus(
          Status.Code.UNIMPLEMENTED,
          () -> ClientCalls.blockingUnaryCall(server.channel(), RawBytes.unary(method), CallOptions.DEFAULT, new byte[0]));
    }
  }

  private static void assertServesTheErrorDetails(Reflection reflection) throws Exception {
    List<String> services = reflection.listServices();
    assertEquals(SERVICES, new TreeSet<>(services));
    assertEquals(SERVICES.size(), services.size(), services::toString);

    for (String symbol : List.of("google.rpc.ErrorInfo", "google.rpc.BadRequest", "google.rpc.RetryInfo")) {
      FileDescriptorProto file = reflection.fileContainingSymbol(symbol).get(0);
      assertEquals(ERROR_DETAILS, file.getName(), symbol);
      String message = symbol.substring("google.rpc.".length());
      assertTrue(file.getMessageTypeList().stream().map(DescriptorProto::getName).anyMatch(message::equals), symbol);
    }
    List<FileDescriptorProto> byName = reflection.fileByFilename(ERROR_DETAILS);
    assertEquals(ERROR_DETAILS, byName.get(0).getName());
    // With its import, so that a client can build it.
    assertTrue(byName.stream().anyMatch(f -> f.getName().equals("google/protobuf/duration.proto")), byName::toString);

    // Our own files are served as before.
    assertEquals(
        "resourceplans/v1/plan_service.proto",
        reflection.fileContainingSymbol("resourceplans.v1.PlanService").get(0).getName());
  }

  /** The status's details as JSON, each decoded with only what reflection serves. */
  private static List<JsonObject> decodedDetails(Reflection reflection, StatusRuntimeException e) throws Exception {
    List<JsonObject> decoded = new ArrayList<>();
    for (Any detail : StatusProto.fromThrowable(e).getDetailsList()) {
      String type = detail.getTypeUrl().substring(detail.getTypeUrl().lastIndexOf('/') + 1);
      Map<String, FileDescriptorProto> served = new HashMap<>();
      List<FileDescriptorProto> files = reflection.fileContainingSymbol(type);
      files.forEach(f -> served.put(f.getName(), f));
      FileDescriptor file = build(files.get(0).getName(), served, new HashMap<>());
      Descriptor message = file.findMessageTypeByName(type.substring(type.lastIndexOf('.') + 1));
      String json =
          JsonFormat.printer().usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder().add(message).build()).print(detail);
      decoded.add(JsonParser.parseString(json).getAsJsonObject());
    }
    return decoded;
  }

  private static FileDescriptor build(
      String name, Map<String, FileDescriptorProto> served, Map<String, FileDescriptor> built) throws Exception {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = served.get(name);
    assertTrue(proto != null, () -> "reflection did not serve " + name);
    List<FileDescriptor> imports = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      imports.add(build(dependency, served, built));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, imports.toArray(FileDescriptor[]::new));
    built.put(name, file);
    return file;
  }

  private static final class V1 implements Reflection {
    private static <T> T ask(
        io.grpc.reflection.v1.ServerReflectionRequest request,
        Function<io.grpc.reflection.v1.ServerReflectionResponse, T> read)
        throws Exception {
      CompletableFuture<io.grpc.reflection.v1.ServerReflectionResponse> answer = new CompletableFuture<>();
      StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
          io.grpc.reflection.v1.ServerReflectionGrpc.newStub(server.channel()).serverReflectionInfo(observer(answer));
      requests.onNext(request);
      requests.onCompleted();
      io.grpc.reflection.v1.ServerReflectionResponse response = answer.get(10, TimeUnit.SECONDS);
      assertEquals(0, response.getErrorResponse().getErrorCode(), response.getErrorResponse()::getErrorMessage);
      return read.apply(response);
    }

    @Override
    public List<String> listServices() throws Exception {
      return ask(
          io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("*").build(),
          r -> r.getListServicesResponse().getServiceList().stream().map(s -> s.getName()).toList());
    }

    @Override
    public List<FileDescriptorProto> fileContainingSymbol(String symbol) throws Exception {
      return ask(
          io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build(),
          r -> files(r.getFileDescriptorResponse().getFileDescriptorProtoList()));
    }

    @Override
    public List<FileDescriptorProto> fileByFilename(String name) throws Exception {
      return ask(
          io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setFileByFilename(name).build(),
          r -> files(r.getFileDescriptorResponse().getFileDescriptorProtoList()));
    }
  }

  private static final class V1Alpha implements Reflection {
    private static <T> T ask(
        io.grpc.reflection.v1alpha.ServerReflectionRequest request,
        Function<io.grpc.reflection.v1alpha.ServerReflectionResponse, T> read)
        throws Exception {
      CompletableFuture<io.grpc.reflection.v1alpha.ServerReflectionResponse> answer = new CompletableFuture<>();
      StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> requests =
          io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(server.channel())
              .serverReflectionInfo(observer(answer));
      requests.onNext(request);
      requests.onCompleted();
      io.grpc.reflection.v1alpha.ServerReflectionResponse response = answer.get(10, TimeUnit.SECONDS);
      assertEquals(0, response.getErrorResponse().getErrorCode(), response.getErrorResponse()::getErrorMessage);
      return read.apply(response);
    }

    @Override
    public List<String> listServices() throws Exception {
      return ask(
          io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("*").build(),
          r -> r.getListServicesResponse().getServiceList().stream().map(s -> s.getName()).toList());
    }

    @Override
    public List<FileDescriptorProto> fileContainingSymbol(String symbol) throws Exception {
      return ask(
          io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build(),
          r -> files(r.getFileDescriptorResponse().getFileDescriptorProtoList()));
    }

    @Override
    public List<FileDescriptorProto> fileByFilename(String name) throws Exception {
      return ask(
          io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setFileByFilename(name).build(),
          r -> files(r.getFileDescriptorResponse().getFileDescriptorProtoList()));
    }
  }

  private static <R> StreamObserver<R> observer(CompletableFuture<R> answer) {
    return new StreamObserver<>() {
      @Override
      public void onNext(R response) {
        answer.complete(response);
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }

  private static List<FileDescriptorProto> files(List<ByteString> bytes) {
    return bytes.stream()
        .map(
            b -> {
              try {
                return FileDescriptorProto.parseFrom(b);
              } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }
}
