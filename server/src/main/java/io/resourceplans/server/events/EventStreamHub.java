package io.resourceplans.server.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.resourceplans.api.v1.WatchAccountEventsResponse;
import io.resourceplans.domain.error.DomainException;
import io.resourceplans.domain.error.ErrorCode;
import io.resourceplans.domain.event.AccountEvent;
import io.resourceplans.domain.event.AccountEventService;
import io.resourceplans.domain.event.EventStreamSettings;
import io.resourceplans.domain.tx.Transactor;
import io.resourceplans.domain.webhook.WebhookEventKind;
import io.resourceplans.server.errors.StatusMapper;
import io.resourceplans.server.mapping.AccountEventMapper;
import io.resourceplans.storage.event.AccountEventNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WatchAccountEvents streams of this replica (docs/events.md).
 *
 * <p><b>Waking.</b> The database is the source of truth: every replica's writers NOTIFY
 * {@code rp_account_events} with the account ID when an event commits (AccountEventDao). One
 * listener thread per replica holds one pooled connection LISTENing while it has streams (none
 * otherwise) and wakes the streams of the notified accounts. As a safety net (a notification lost
 * with a dropped connection, a database or pooler without LISTEN) the same thread reads, every
 * {@code pollPeriod}, the last sequence number of every watched account in one query and wakes the
 * streams behind it. No stream polls on its own.
 *
 * <p><b>Sending.</b> A woken stream reads its account's events after its position, a page at a time
 * (bounded), on a small pool of pump threads, and sends them only while gRPC says the call is ready
 * (flow control): when the client reads slowly it stops, keeps only its position, and reads again
 * from there when the call is ready (its onReady handler wakes it). So nothing but one page per
 * stream is ever held. Sequence numbers have no holes (JdbiAccountEventRepository); a hole in what a
 * stream reads is events deleted by retention before it got there, and it ends the stream
 * EVENT_CURSOR_EXPIRED rather than skip them.
 *
 * <p><b>Limits and ending.</b> At most {@code watchersPerAccount} streams of one account and
 * {@code watchersPerServer} in all (EVENT_WATCHERS_EXCEEDED). A cancelled call (client gone,
 * deadline) is forgotten at once. {@link #stop} ends every stream UNAVAILABLE so clients resume
 * elsewhere; a database failure while reading ends the stream with its status (UNAVAILABLE
 * reason DATABASE_UNAVAILABLE), also resumable.
 */
@Singleton
public final class EventStreamHub {
  private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);
  private static final int PUMP_THREADS = 2;
  private static final Duration RECONNECT_WAIT = Duration.ofSeconds(1);

  private final Transactor transactor;
  private final DataSource dataSource;
  private final AccountEventService events;
  private final EventStreamSettings settings;
  private final ExecutorService pumps;
  private final Object lock = new Object();
  /** Events sent on this replica's streams (metrics). */
  private final LongAdder sent = new LongAdder();
  /** Guarded by {@link #lock}. */
  private final Map<String, Set<Watcher>> byAccount = new HashMap<>();
  /** Guarded by {@link #lock}. */
  private int total;
  /** Guarded by {@link #lock}. */
  private boolean stopped;
  /** Guarded by {@link #lock}. */
  private Thread listener;

  @Inject
  public EventStreamHub(
      Transactor transactor, DataSource dataSource, AccountEventService events, EventStreamSettings settings,
      MeterRegistry registry) {
    Gauge.builder("rp.events.streams", this, EventStreamHub::watchers)
        .description("WatchAccountEvents streams this replica serves")
        .register(registry);
    FunctionCounter.builder("rp.events.sent", sent, LongAdder::doubleValue)
        .description("Events sent on WatchAccountEvents streams by this replica")
        .register(registry);
    this.transactor = transactor;
    this.dataSource = dataSource;
    this.events = events;
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    this.pumps = Executors.newFixedThreadPool(PUMP_THREADS, r -> {
      Thread t = new Thread(r, "event-stream-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public EventStreamSettings settings() {
    return settings;
  }

  /**
   * Starts a stream of {@code start}'s account on {@code out}, sending its events after
   * {@code start.afterSequence()} of the given kinds (empty = all). Must be called from the RPC's
   * handler (it sets the call's cancel and ready handlers). Throws EVENT_WATCHERS_EXCEEDED past a
   * limit, UNAVAILABLE once stopping.
   */
  public void watch(
      AccountEventService.Start start, Set<WebhookEventKind> kinds, ServerCallStreamObserver<WatchAccountEventsResponse> out) {
    Watcher w = new Watcher(start.accountId(), start.afterSequence(), start.mayJump(), kinds, out);
    // Before the stream is registered (a pump may send at once): gRPC takes them only during the handler.
    out.setOnCancelHandler(w::forget);
    out.setOnReadyHandler(w::wake);
    try {
      register(w);
    } catch (RuntimeException refused) {
      w.refuse();
      throw refused;
    }
    w.wake();
  }

  private void register(Watcher w) {
    String accountId = w.accountId;
    synchronized (lock) {
      if (stopped) {
        throw new StatusRuntimeException(Status.UNAVAILABLE.withDescription("the server is shutting down; call another replica"));
      }
      Set<Watcher> mine = byAccount.get(accountId);
      int ofAccount = mine == null ? 0 : mine.size();
      if (ofAccount >= settings.watchersPerAccount()) {
        throw new DomainException(
            ErrorCode.EVENT_WATCHERS_EXCEEDED,
            "the account already has " + ofAccount + " event streams open on this replica",
            Map.of("limit", Integer.toString(settings.watchersPerAccount()), "scope", "account"));
      }
      if (total >= settings.watchersPerServer()) {
        throw new DomainException(
            ErrorCode.EVENT_WATCHERS_EXCEEDED,
            "this replica already serves " + total + " event streams",
            Map.of("limit", Integer.toString(settings.watchersPerServer()), "scope", "server",
                DomainException.RETRY_DELAY_SECONDS, "5"));
      }
      byAccount.computeIfAbsent(accountId, a -> new LinkedHashSet<>()).add(w);
      total++;
      if (listener == null) {
        listener = new Thread(this::listen, "event-stream-listener");
        listener.setDaemon(true);
        listener.start();
      }
      lock.notifyAll();
    }
  }

  /** How many streams this replica serves. */
  public int watchers() {
    synchronized (lock) {
      return total;
    }
  }

  /** The position (last sequence read past) of each stream of the account, for tests. */
  public List<Long> positions(String accountId) {
    synchronized (lock) {
      Set<Watcher> mine = byAccount.get(accountId);
      return mine == null ? List.of() : mine.stream().map(w -> w.cursor).toList();
    }
  }

  /** Ends every stream UNAVAILABLE (clients resume on another replica) and stops the threads. */
  public void stop() throws InterruptedException {
    List<Watcher> all = new ArrayList<>();
    Thread t;
    synchronized (lock) {
      stopped = true;
      byAccount.values().forEach(all::addAll);
      t = listener;
      lock.notifyAll();
    }
    for (Watcher w : all) {
      w.close(Status.UNAVAILABLE
          .withDescription("the server is shutting down; resume on another replica with after_event_id")
          .asRuntimeException());
    }
    if (t != null) {
      t.interrupt();
      t.join(TimeUnit.SECONDS.toMillis(5));
    }
    pumps.shutdownNow();
    pumps.awaitTermination(5, TimeUnit.SECONDS);
  }

  private void remove(Watcher w) {
    synchronized (lock) {
      Set<Watcher> mine = byAccount.get(w.accountId);
      if (mine != null && mine.remove(w)) {
        total--;
        if (mine.isEmpty()) {
          byAccount.remove(w.accountId);
        }
      }
    }
  }

  private void wakeAccount(String accountId) {
    List<Watcher> mine;
    synchronized (lock) {
      Set<Watcher> s = byAccount.get(accountId);
      mine = s == null ? List.of() : List.copyOf(s);
    }
    mine.forEach(Watcher::wake);
  }

  /** The listener thread: notifications while there are streams, and the catch-up poll. */
  private void listen() {
    AccountEventNotifications notifications = null;
    long nextPoll = System.nanoTime();
    boolean warned = false;
    try {
      while (true) {
        synchronized (lock) {
          while (!stopped && total == 0) {
            if (notifications != null) {
              notifications.close();
              notifications = null;
            }
            lock.wait();
          }
          if (stopped) {
            return;
          }
        }
        try {
          if (notifications == null) {
            notifications = AccountEventNotifications.listen(dataSource);
            if (warned) {
              log.info("event streams: listening for notifications again");
              warned = false;
            }
            // What committed while nobody listened.
            nextPoll = System.nanoTime();
          }
          long waitNanos = Math.max(1_000_000L, nextPoll - System.nanoTime());
          for (String account : notifications.await(Duration.ofNanos(waitNanos))) {
            wakeAccount(account);
          }
        } catch (Exception e) {
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          if (!warned) {
            log.warn("event streams: cannot listen for notifications ({}); polling every {} until it can",
                e.toString(), settings.pollPeriod());
            warned = true;
          }
          if (notifications != null) {
            notifications.close();
            notifications = null;
          }
          pollQuietly();
          Thread.sleep(Math.min(RECONNECT_WAIT.toMillis(), settings.pollPeriod().toMillis()));
          continue;
        }
        if (System.nanoTime() - nextPoll >= 0) {
          pollQuietly();
          nextPoll = System.nanoTime() + settings.pollPeriod().toNanos();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (notifications != null) {
        notifications.close();
      }
    }
  }

  /** One query for the last sequence of every watched account; wakes the streams behind it. */
  private void pollQuietly() {
    Map<String, List<Watcher>> watched = new HashMap<>();
    synchronized (lock) {
      byAccount.forEach((a, s) -> watched.put(a, List.copyOf(s)));
    }
    if (watched.isEmpty()) {
      return;
    }
    try {
      Map<String, Long> last = transactor.singleRead(tx -> events.lastSequences(tx, watched.keySet()));
      watched.forEach((account, ws) -> {
        long l = last.getOrDefault(account, 0L);
        for (Watcher w : ws) {
          if (w.cursor < l) {
            w.wake();
          }
        }
      });
    } catch (RuntimeException e) {
      log.debug("event streams: catch-up poll failed", e);
    }
  }

  /** One stream. Its pump runs on one pump thread at a time; the call is written under its monitor. */
  private final class Watcher {
    final String accountId;
    final Set<WebhookEventKind> kinds;
    final ServerCallStreamObserver<WatchAccountEventsResponse> out;
    /** The last sequence number read past (sent, or skipped by the kinds filter). Pump-only writes. */
    volatile long cursor;
    /** The first event read may be past cursor + 1 (a start from the oldest retained). */
    boolean mayJump;
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicBoolean dirty = new AtomicBoolean();
    /** Guarded by this. */
    boolean closed;
    /** Whether the stream's first message, its start position, was sent. Guarded by this. */
    boolean started;

    Watcher(
        String accountId, long after, boolean mayJump, Set<WebhookEventKind> kinds,
        ServerCallStreamObserver<WatchAccountEventsResponse> out) {
      this.accountId = accountId;
      this.cursor = after;
      this.mayJump = mayJump;
      this.kinds = Set.copyOf(kinds);
      this.out = out;
    }

    /** Something may have changed: have the pump look (once, however often it is woken meanwhile). */
    void wake() {
      dirty.set(true);
      schedule();
    }

    private void schedule() {
      if (scheduled.compareAndSet(false, true)) {
        try {
          pumps.execute(this::pump);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
          scheduled.set(false);
        }
      }
    }

    private void pump() {
      try {
        while (dirty.getAndSet(false)) {
          if (!drain()) {
            break;
          }
        }
      } catch (RuntimeException e) {
        fail(e);
      } finally {
        scheduled.set(false);
      }
      if (dirty.get() && !isClosed()) {
        schedule();
      }
    }

    /** Sends what there is; false when stopped by flow control or the end of the stream. */
    private boolean drain() {
      while (true) {
        if (isClosed() || !out.isReady()) {
          // Not ready: the call's onReady handler wakes this stream again.
          return false;
        }
        if (!sendStart()) {
          return false;
        }
        long from = cursor;
        List<AccountEvent> page = transactor.singleRead(tx -> events.page(tx, accountId, from, settings.pageSize()));
        for (AccountEvent e : page) {
          if (e.sequence() != cursor + 1 && !mayJump) {
            close(StatusMapper.toException(StatusMapper.toStatus(AccountEventService.eventsDeletedBehind(cursor, e.sequence()))));
            return false;
          }
          synchronized (this) {
            if (closed) {
              return false;
            }
            if (!out.isReady()) {
              // The rest of the page is read again from the position when the call is ready.
              return false;
            }
            if (kinds.isEmpty() || kinds.contains(e.kind())) {
              out.onNext(AccountEventMapper.toResponse(e));
              sent.increment();
            }
            mayJump = false;
            cursor = e.sequence();
          }
        }
        if (page.size() < settings.pageSize()) {
          return true;
        }
      }
    }

    /** Sends the stream's first message (its position) once; false when it cannot now. */
    private synchronized boolean sendStart() {
      if (started) {
        return true;
      }
      if (closed || !out.isReady()) {
        return false;
      }
      out.onNext(AccountEventMapper.started(cursor));
      started = true;
      return true;
    }

    private synchronized boolean isClosed() {
      return closed;
    }

    private void fail(RuntimeException e) {
      if (e instanceof DomainException domain) {
        close(StatusMapper.toException(StatusMapper.toStatus(domain)));
        return;
      }
      String correlationId = UUID.randomUUID().toString();
      log.error("internal error correlation_id={} rpc=WatchAccountEvents account_id={}", correlationId, accountId, e);
      close(StatusMapper.toException(StatusMapper.internal(correlationId)));
    }

    /** Ends the call with {@code error} (once) and forgets the stream. */
    void close(Throwable error) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        try {
          out.onError(error);
        } catch (RuntimeException alreadyClosed) {
          // Cancelled meanwhile: nothing to tell.
        }
      }
      remove(this);
    }

    /** Registration refused: the handler's exception closes the call; never send on it. */
    synchronized void refuse() {
      closed = true;
    }

    /** The call was cancelled (client gone, deadline): forget the stream. */
    void forget() {
      synchronized (this) {
        closed = true;
      }
      remove(this);
    }
  }
}
