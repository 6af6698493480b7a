#include "app/output.h"

#include <cerrno>
#include <ctime>
#include <unistd.h>

namespace etrace {

namespace {

long long coarse_now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

}  // namespace

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
  while (done < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;  // a closed pipe or full disk: drop the rest rather than spin
    }
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

}  // namespace etrace
