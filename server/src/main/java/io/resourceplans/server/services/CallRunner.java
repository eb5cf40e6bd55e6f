package io.resourceplans.server.services;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.resourceplans.domain.auth.Principal;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.tx.Tx;
import io.resourceplans.server.idempotency.IdempotentCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The one place an RPC's transaction is opened (as nomulus's FlowRunner): a handler maps the
 * request, hands the domain work to one of these, and maps the answer. Which kind of transaction
 * an RPC gets is decided here by what it is: a read, a mutation carrying a {@code request_id}
 * (once per ID), or a change without one.
 *
 * <p>The usage path is the exception: for RecordUsage {@code UsageService} first tries the batched
 * covered path, which runs outside any transaction of this runner, and opens the full path's own;
 * CheckQuota reads through its {@code QuotaFactsReader}, which may answer concurrent checks with
 * one statement.
 */
@Singleton
public final class CallRunner {
  private final Transactor transactor;
  private final IdempotentCalls idempotent;

  @Inject
  CallRunner(Transactor transactor, IdempotentCalls idempotent) {
    this.transactor = transactor;
    this.idempotent = idempotent;
  }

  /** A read: one read-only transaction, one consistent snapshot. */
  public <R> R read(Function<Tx, R> work) {
    return transactor.readOnly(work);
  }

  /** A mutation run once per request ID: a retry gets the first answer (see {@link IdempotentCalls}). */
  public <R extends Message> R once(Principal caller, Message request, Parser<R> responseParser, Function<Tx, R> mutation) {
    return idempotent.run(caller, request, responseParser, mutation);
  }

  /** As {@link #once(Principal, Message, Parser, Function)}; {@code redact} drops what a retry must not see again. */
  public <R extends Message> R once(
      Principal caller, Message request, Parser<R> responseParser, UnaryOperator<R> redact, Function<Tx, R> mutation) {
    return idempotent.run(caller, request, responseParser, redact, mutation);
  }

  /** Where a mutation leaves what is to run once its transaction has committed. */
  @FunctionalInterface
  public interface AfterCommit {
    void run(Runnable action);
  }

  /**
   * As {@link #once(Principal, Message, Parser, Function)}, then runs the actions the mutation left
   * in its {@link AfterCommit} (metrics): only those of the attempt whose answer committed, so
   * nothing for a retry answered from the stored first answer (a copy parsed from it, not the
   * object the mutation built), nor for an attempt rolled back and run again.
   */
  public <R extends Message> R once(
      Principal caller, Message request, Parser<R> responseParser, BiFunction<Tx, AfterCommit, R> mutation) {
    record Attempt<R>(R answer, List<Runnable> actions) {}
    AtomicReference<Attempt<R>> last = new AtomicReference<>();
    R response = idempotent.run(caller, request, responseParser, tx -> {
      List<Runnable> actions = new ArrayList<>();
      R answer = mutation.apply(tx, actions::add);
      last.set(new Attempt<>(answer, actions));
      return answer;
    });
    Attempt<R> attempt = last.get();
    if (attempt != null && attempt.answer() == response) {
      attempt.actions().forEach(Runnable::run);
    }
    return response;
  }

  /** A change without a request ID (log-in attempts, marking a message read): one transaction. */
  public <R> R write(Function<Tx, R> work) {
    return transactor.inTransaction(work);
  }
}
