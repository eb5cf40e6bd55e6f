package io.resourceplans.client;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes the Java source of one service client class per service of the API (PlanServiceClient
 * and so on) from the descriptor set the api module ships with the protos' comments. The classes
 * are committed; ServiceClientsSourceTest fails when they differ from what this writes.
 */
final class ServiceClientsGenerator {
  static final String DESCRIPTOR_SET = "/io/resourceplans/api/v1/resourceplans-v1.binpb";
  private static final String API_PACKAGE = "io.resourceplans.api.v1";
  private static final String PROTO_PACKAGE = "resourceplans.v1";
  // Field numbers in descriptor.proto: FileDescriptorProto.service, ServiceDescriptorProto.method.
  private static final int FILE_SERVICE = 6;
  private static final int SERVICE_METHOD = 2;

  private final List<FileDescriptorProto> files;
  private final Map<String, DescriptorProto> messages = new LinkedHashMap<>();

  ServiceClientsGenerator() {
    try (InputStream in = ServiceClientsGenerator.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException(DESCRIPTOR_SET + " is not on the class path (built by the api module)");
      }
      files = FileDescriptorSet.parseFrom(in).getFileList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (FileDescriptorProto file : files) {
      for (DescriptorProto message : file.getMessageTypeList()) {
        messages.put("." + file.getPackage() + "." + message.getName(), message);
      }
    }
  }

  /** Class name to Java source, one per service. */
  Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (FileDescriptorProto file : files) {
      for (int s = 0; s < file.getServiceCount(); s++) {
        ServiceDescriptorProto service = file.getService(s);
        sources.put(service.getName() + "Client", source(file, s, service));
      }
    }
    return sources;
  }

  private String source(FileDescriptorProto file, int serviceIndex, ServiceDescriptorProto service) {
    String className = service.getName() + "Client";
    String grpc = service.getName() + "Grpc";
    TreeSet<String> imports = new TreeSet<>();
    imports.add(API_PACKAGE + "." + grpc);
    imports.add("java.time.Duration");
    imports.add("java.util.concurrent.CompletableFuture");
    StringBuilder body = new StringBuilder();
    for (int m = 0; m < service.getMethodCount(); m++) {
      MethodDescriptorProto method = service.getMethod(m);
      String request = javaType(method.getInputType(), imports);
      String response = javaType(method.getOutputType(), imports);
      String name = lowerFirst(method.getName());
      String descriptor = grpc + ".get" + method.getName() + "Method()";
      String comment = comment(file.getSourceCodeInfo(), FILE_SERVICE, serviceIndex, SERVICE_METHOD, m);
      if (method.getServerStreaming()) {
        // A server stream: its answers as an iterator, read as they arrive.
        imports.add("java.util.Iterator");
        body.append('\n')
            .append(javadoc(escape(comment) + "\n\n<p>RPC {@code " + PROTO_PACKAGE + "." + service.getName() + "/" + method.getName() + "} (a server stream).\n\n"
                + "@param request the request\n@return the answers, read as they arrive; a failure is thrown by\n"
                + "    {@code hasNext} or {@code next} as {@link ResourcePlansException}"))
            .append("  public Iterator<").append(response).append("> ").append(name).append('(').append(request).append(" request) {\n")
            .append("    return caller.stream(").append(descriptor).append(", request);\n")
            .append("  }\n");
        continue;
      }
      body.append('\n')
          .append(javadoc(escape(comment) + "\n\n<p>RPC {@code " + PROTO_PACKAGE + "." + service.getName() + "/" + method.getName() + "}.\n\n"
              + "@param request the request (an empty request_id is filled in)\n@return the answer"))
          .append("  public ").append(response).append(' ').append(name).append('(').append(request).append(" request) {\n")
          .append("    return caller.call(").append(descriptor).append(", request);\n")
          .append("  }\n\n")
          .append(javadoc("{@link #" + name + "} without blocking: the future completes with its answer, or with its\n"
              + "{@link ResourcePlansException}.\n\n"
              + "@param request the request (an empty request_id is filled in)\n@return the answer to come"))
          .append("  public CompletableFuture<").append(response).append("> ").append(name).append("Async(")
          .append(request).append(" request) {\n")
          .append("    return caller.callAsync(").append(descriptor).append(", request);\n")
          .append("  }\n");
      Optional<FieldDescriptorProto> items = pagedItems(method);
      if (items.isPresent()) {
        String item = javaType(items.get().getTypeName(), imports);
        String listed = method.getName().substring("List".length());
        body.append('\n')
            .append(javadoc("Every " + item + " {@link #" + name + "} lists, fetching its pages one after another as the\n"
                + "iteration reaches them (see {@link Paged}). The request's page_size sets the page size.\n\n"
                + "@param request the request of the first page (page_token empty)\n@return the items, fetched as they are used"))
            .append("  public Paged<").append(item).append("> listAll").append(listed).append('(').append(request)
            .append(" request) {\n")
            .append("    return caller.pages(").append(descriptor).append(", request, ").append(response)
            .append("::get").append(upperCamel(items.get().getName())).append("List);\n")
            .append("  }\n");
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("// Generated from ").append(file.getName()).append(" by ServiceClientsGenerator (client tests): do not edit.\n")
        .append("// ServiceClientsSourceTest says how to regenerate it when the protos change.\n")
        .append("package io.resourceplans.client;\n\n");
    for (String i : imports) {
      out.append("import ").append(i).append(";\n");
    }
    String serviceComment = comment(file.getSourceCodeInfo(), FILE_SERVICE, serviceIndex);
    out.append('\n')
        .append(javadoc("The client of {@code " + PROTO_PACKAGE + "." + service.getName() + "}, from {@link ResourcePlansClient}.\n\n<p>"
                + escape(serviceComment) + "\n\n"
                + "<p>Each RPC has a blocking method, which returns the answer or throws\n"
                + "{@link ResourcePlansException}, and an {@code …Async} one returning a CompletableFuture; each\n"
                + "List RPC with pages also has a {@code listAll…} method walking every page. Calls fill an empty\n"
                + "request_id and are retried as {@link RetrySettings} says. Thread-safe.",
            ""))
        .append("public final class ").append(className).append(" {\n")
        .append("  private final UnaryCaller caller;\n\n")
        .append("  ").append(className).append("(UnaryCaller caller) {\n")
        .append("    this.caller = caller;\n")
        .append("  }\n\n")
        .append(javadoc("This client with a deadline of its own for every call, instead of the client's default.\n\n"
            + "@param deadline time each call may take, retries included\n@return a client sharing this one's connection"))
        .append("  public ").append(className).append(" withDeadline(Duration deadline) {\n")
        .append("    return new ").append(className).append("(caller.withDeadline(deadline));\n")
        .append("  }\n")
        .append(body)
        .append("}\n");
    return out.toString().replace("\n\n\n", "\n\n");
  }

  /** The repeated message field of a List RPC's response when its request and response page. */
  private Optional<FieldDescriptorProto> pagedItems(MethodDescriptorProto method) {
    DescriptorProto request = messages.get(method.getInputType());
    DescriptorProto response = messages.get(method.getOutputType());
    boolean pages =
        request.getFieldList().stream().anyMatch(f -> f.getName().equals("page_token"))
            && response.getFieldList().stream().anyMatch(f -> f.getName().equals("next_page_token"));
    List<FieldDescriptorProto> repeated = new ArrayList<>();
    for (FieldDescriptorProto field : response.getFieldList()) {
      if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED
          && field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE) {
        repeated.add(field);
      }
    }
    return pages && repeated.size() == 1 ? Optional.of(repeated.get(0)) : Optional.empty();
  }

  private static String javaType(String protoType, TreeSet<String> imports) {
    String prefix = "." + PROTO_PACKAGE + ".";
    if (!protoType.startsWith(prefix) || protoType.indexOf('.', prefix.length()) >= 0) {
      throw new IllegalStateException("not a top-level message of " + PROTO_PACKAGE + ": " + protoType);
    }
    String simple = protoType.substring(prefix.length());
    imports.add(API_PACKAGE + "." + simple);
    return simple;
  }

  private static String comment(SourceCodeInfo info, int... path) {
    for (SourceCodeInfo.Location location : info.getLocationList()) {
      if (location.getPathCount() != path.length) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < path.length && same; i++) {
        same = location.getPath(i) == path[i];
      }
      if (same) {
        // protoc keeps the space after "//" on every line.
        return location.getLeadingComments().strip().replace("\n ", "\n");
      }
    }
    return "";
  }

  /** A Javadoc block of this (HTML) text at class-member indentation. */
  private static String javadoc(String html) {
    return javadoc(html, "  ");
  }

  private static String javadoc(String html, String indent) {
    StringBuilder out = new StringBuilder(indent).append("/**\n");
    for (String line : html.split("\n", -1)) {
      String text = line.strip().isEmpty() ? "" : " " + line.stripTrailing();
      out.append(indent).append(" *").append(text).append('\n');
    }
    return out.append(indent).append(" */\n").toString();
  }

  /** A proto comment (plain text, paragraphs between blank lines) as Javadoc HTML. */
  private static String escape(String comment) {
    return comment.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;").replace("\n\n", "\n\n<p>");
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String upperCamel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = Character.isDigit(c);
      }
    }
    return out.toString();
  }
}
