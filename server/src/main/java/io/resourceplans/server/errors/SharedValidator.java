package io.resourceplans.server.errors;

import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import java.util.concurrent.CompletableFuture;

/**
 * protovalidate's validator, one per process, built on a thread of its own from the first call of
 * {@link #startBuilding()} or {@link #get()}. Building it loads and initialises CEL, its standard
 * library and the rules' descriptors, a sizeable part of a start on a small machine; Main starts it
 * first thing, so that it overlaps with starting the database and migrating it instead of coming
 * after. A validator keeps no per-call state and is safe to share between threads (and servers).
 */
public final class SharedValidator {
  private SharedValidator() {}

  /** Built once, when this class is first used (the JVM's lazy class initialisation). */
  private static final class Holder {
    static final CompletableFuture<Validator> VALIDATOR = new CompletableFuture<>();

    static {
      Thread builder =
          new Thread(
              () -> {
                try {
                  VALIDATOR.complete(ValidatorFactory.newBuilder().build());
                } catch (Throwable e) {
                  VALIDATOR.completeExceptionally(e);
                }
              },
              "validator-build");
      builder.setDaemon(true);
      builder.start();
    }
  }

  /** Starts building the validator in the background, if not started yet; returns at once. */
  public static void startBuilding() {
    Holder.VALIDATOR.isDone(); // the first use of Holder starts it
  }

  /** The validator; waits for it when it is still being built. */
  public static Validator get() {
    return Holder.VALIDATOR.join();
  }
}
