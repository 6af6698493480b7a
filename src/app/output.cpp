#include "app/output.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "format/escape.h"

namespace etrace {

namespace {

long long coarse_now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

long long now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

std::atomic<bool> g_any_failed{false};
std::atomic<bool> g_interrupted{false};
std::atomic<long long> g_deadline_ns{0};

}  // namespace

bool Output::any_failed() { return g_any_failed.load(std::memory_order_relaxed); }
void Output::mark_failed() { g_any_failed.store(true, std::memory_order_relaxed); }
void Output::interrupt() { g_interrupted.store(true, std::memory_order_relaxed); }
bool Output::interrupted() { return g_interrupted.load(std::memory_order_relaxed); }
void Output::stop_writes_by(long long deadline_ns) { g_deadline_ns.store(deadline_ns, std::memory_order_relaxed); }

std::size_t write_within_deadline(int fd, std::string_view data, int& err) {
  err = 0;
  std::size_t done = 0;
  while (done < data.size()) {
    // Between the stop signal and the detach nothing is written: the tracer detaches first,
    // then gives the output its deadline. A signal that lands in a blocked write after part of
    // it went through ends that write with a short count: checked here, not only on EINTR.
    if (g_interrupted.load(std::memory_order_relaxed) && !g_deadline_ns.load(std::memory_order_relaxed)) {
      err = EINTR;
      break;
    }
    std::size_t chunk = data.size() - done;
    if (const long long deadline = g_deadline_ns.load(std::memory_order_relaxed)) {
      // Stopping: wait for room, then write no more than a pipe takes without blocking once
      // poll says it has room. A write that still blocks (another writer took the room) is
      // interrupted by the next signal, or it ends at the deadline below.
      // Past the deadline what can be written at once still is (a message to a terminal).
      const long long left_ms = std::max<long long>(0, (deadline - now_ns()) / 1000000);
      pollfd p{fd, POLLOUT, 0};
      const int r = poll(&p, 1, static_cast<int>(std::min<long long>(left_ms, INT_MAX)));
      if (r < 0 && errno == EINTR) continue;
      if (r == 0) {
        err = ETIMEDOUT;
        break;
      }
      chunk = std::min<std::size_t>(chunk, PIPE_BUF);
    }
    const ssize_t n = ::write(fd, data.data() + done, chunk);
    if (n < 0 && errno == EINTR) {
      // Our handlers leave SA_RESTART off, so a signal ends a write blocked on a stalled reader;
      // the loop's check above decides whether that ends the writing.
      continue;
    }
    if (n <= 0) {
      err = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void Output::say(std::string_view line) {
  int err;
  write_within_deadline(STDERR_FILENO, line, err);
}

void Output::fail(int err) {
  error_ = err;
  mark_failed();
  // Said once, on stderr (which may be the output that failed: then nothing can be said).
  const char* fix = err == ENOSPC || err == EDQUOT ? "free space on its filesystem, or choose another -o"
                    : err == EPIPE                  ? "the reader of the pipe went away; keep it open, or use -o FILE"
                                                    : "choose another -o";
  const std::string line = fmt::format("etrace: cannot write the trace to {}: {}; the trace is incomplete from here ({})\n",
                                       printable(name_), std::strerror(err), fix);
  if (fd_ != STDERR_FILENO) say(line);
}

void Output::give_up(std::size_t dropped) {
  error_ = ETIMEDOUT;
  mark_failed();
  const std::string line = fmt::format(
      "etrace: stopped while the reader of {} was not reading: the last {} bytes of the trace were dropped "
      "(keep the reader reading, or use -o FILE)\n",
      printable(name_), dropped);
  if (fd_ != STDERR_FILENO) say(line);
}

bool Output::due() {
  if (buf_.size() >= kFlushAt) return true;
  // Reading the clock per record cost 5-10% of the consumer; the caller flushes when idle, so a
  // busy stream is late by at most 64 records past the 100 ms mark.
  if (buf_.empty() || (++calls_ & 63) != 0) return false;
  const long long now = coarse_now_ns();
  if (last_flush_ns_ == 0) last_flush_ns_ = now;
  return now - last_flush_ns_ >= kMaxDelayNs;
}

void Output::flush() {
  last_flush_ns_ = coarse_now_ns();
  if (buf_.empty()) return;
  if (error_ || fd_ < 0) {
    buf_.clear();
    return;
  }
  int err = 0;
  const std::size_t done = write_within_deadline(fd_, buf_, err);
  if (err == EINTR) {
    buf_.erase(0, done);  // stopping: the rest goes in the final flush, within its deadline
    return;
  }
  if (err == ETIMEDOUT) give_up(buf_.size() - done);
  else if (err) fail(err);  // a full disk or a closed pipe: drop the rest rather than spin
  buf_.clear();
}

}  // namespace etrace
