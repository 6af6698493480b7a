#include "app/output.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>

#include <fmt/format.h>

#include "format/escape.h"
namespace etrace {

namespace {

long long coarse_now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

std::atomic<bool> g_any_failed{false};

}  // namespace

bool Output::any_failed() { return g_any_failed.load(std::memory_order_relaxed); }

void Output::fail(int err) {
  error_ = err;
  g_any_failed.store(true, std::memory_order_relaxed);
  // Said once, on stderr (which may be the output that failed: then nothing can be said).
  const char* fix = err == ENOSPC || err == EDQUOT ? "free space on its filesystem, or choose another -o"
                    : err == EPIPE                  ? "the reader of the pipe went away; keep it open, or use -o FILE"
                                                    : "choose another -o";
  const std::string line = fmt::format("etrace: cannot write the trace to {}: {}; the trace is incomplete from here ({})\n",
                                       printable(name_), std::strerror(err), fix);
  if (fd_ != STDERR_FILENO) (void)!::write(STDERR_FILENO, line.data(), line.size());
}

void Output::maybe_flush() {
  if (buf_.size() >= kFlushAt) {
    flush();
    return;
  }
  // Reading the clock per record cost 5-10% of the consumer; the caller flushes when idle, so a
  // busy stream is late by at most 64 records past the 100 ms mark.
  if (buf_.empty() || (++calls_ & 63) != 0) return;
  const long long now = coarse_now_ns();
  if (last_flush_ns_ == 0) last_flush_ns_ = now;
  if (now - last_flush_ns_ >= kMaxDelayNs) flush();
}

void Output::flush() {
  last_flush_ns_ = coarse_now_ns();
  std::size_t done = 0;
  while (done < buf_.size() && !error_) {
    const ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      fail(n < 0 ? errno : EIO);  // a full disk or a closed pipe: drop the rest rather than spin
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

}  // namespace etrace
