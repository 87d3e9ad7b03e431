package com.authservice.migrate.targets;

import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.targets.MemberResult.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The one engine for commands on several targets (environments, the members of a fleet): every member runs as a
 * run of its own, with its own result, under the {@link Policy} given. A member that fails stops the others only
 * when the policy says so; then those not yet started are {@code NOT_RUN}, as they are once the command is
 * cancelled. Confirmation is the caller's, asked once before this starts.
 */
public final class TargetsRun {

  public static final String NOT_RUN_CANCELLED = "not run: the command was cancelled";

  private final Policy policy;
  private final String threadName;
  private Cancellation cancellation = Cancellation.none();

  /** @param threadName what the workers are called (in a thread dump) */
  public TargetsRun(Policy policy, String threadName) {
    this.policy = policy;
    this.threadName = threadName;
  }

  /**
   * A run that {@code token} stops: no member starts once it is cancelled. The lanes stop the members running
   * then, with the token's {@link Cancellation#forOneOfSeveral()}.
   */
  public TargetsRun cancellableBy(Cancellation token) {
    this.cancellation = token;
    return this;
  }

  /** Runs every member of {@code members} on lanes from {@code lanes}, one lane per worker. */
  public <T> Runs<T> run(List<String> members, Supplier<? extends Lane<T>> lanes, RunProgress progress) {
    int atOnce = policy.atOnce(members.size());
    AtomicReferenceArray<MemberResult<T>> results = new AtomicReferenceArray<>(members.size());
    Worker<T> worker = new Worker<>(members, lanes, results, new Tally(progress, members.size()));
    long started = System.nanoTime();
    progress.started(members.size(), atOnce);
    if (atOnce == 1 && policy.deadline().isEmpty()) {
      worker.run(); // one at a time: in the caller's thread, as a single run would go
    } else {
      inPool(worker, atOnce, results, members);
    }
    List<MemberResult<T>> ordered = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      ordered.add(results.get(i));
    }
    return new Runs<>(ordered, atOnce, Duration.ofNanos(System.nanoTime() - started));
  }

  private <T> void inPool(Worker<T> worker, int atOnce, AtomicReferenceArray<MemberResult<T>> results,
      List<String> members) {
    ExecutorService pool = Executors.newFixedThreadPool(atOnce, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    long deadline = System.nanoTime() + policy.deadline().map(Duration::toNanos).orElse(Long.MAX_VALUE / 4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < atOnce; t++) {
        workers.add(pool.submit(worker));
      }
      for (Future<?> running : workers) {
        running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      String late = "no answer within " + policy.deadline().orElseThrow().toSeconds() + " s";
      for (int i = 0; i < members.size(); i++) {
        results.compareAndSet(i, null, MemberResult.not(Outcome.UNREACHABLE, members.get(i), late,
            policy.deadline().orElseThrow()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while " + threadName + " ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A worker of " + threadName + " stopped", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes the next member not yet taken until none is left; every worker of a run shares one. */
  private final class Worker<T> implements Runnable {
    private final List<String> members;
    private final Supplier<? extends Lane<T>> lanes;
    private final AtomicReferenceArray<MemberResult<T>> results;
    private final Tally tally;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    Worker(List<String> members, Supplier<? extends Lane<T>> lanes, AtomicReferenceArray<MemberResult<T>> results,
        Tally tally) {
      this.members = members;
      this.lanes = lanes;
      this.results = results;
      this.tally = tally;
    }

    @Override
    public void run() {
      try (Lane<T> lane = lanes.get()) {
        for (int i = next.getAndIncrement(); i < members.size(); i = next.getAndIncrement()) {
          MemberResult<T> result = cancellation.requested()
              ? MemberResult.not(Outcome.NOT_RUN, members.get(i), NOT_RUN_CANCELLED, Duration.ZERO)
              : stop.get() ? MemberResult.not(Outcome.NOT_RUN, members.get(i), policy.notRun(), Duration.ZERO)
                  : runOne(lane, members.get(i));
          if (!results.compareAndSet(i, null, result)) {
            continue; // given up on at the deadline
          }
          if (policy.stopsAtFailure() && result.outcome().isFailure()) {
            stop.set(true);
          }
          tally.finished(result);
        }
      }
    }

    private MemberResult<T> runOne(Lane<T> lane, String member) {
      long started = System.nanoTime();
      try {
        return lane.run(member);
      } catch (RuntimeException e) {
        return MemberResult.not(Outcome.FAILED, member, e instanceof MigrationException ? e.getMessage()
            : e.toString(), Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  /** Counts finished members for the progress, one call at a time. */
  private static final class Tally {
    private final RunProgress progress;
    private final int total;
    private int done;
    private int failed;

    Tally(RunProgress progress, int total) {
      this.progress = progress;
      this.total = total;
    }

    synchronized void finished(MemberResult<?> result) {
      done++;
      if (result.outcome().isFailure()) {
        failed++;
      }
      progress.memberFinished(result, done, failed, total);
    }
  }
}
