// Buffered output to a file descriptor: lines accumulate in one string and leave in big writes.
#pragma once

#include <string>

namespace etrace {

class Output {
 public:
  explicit Output(int fd) : fd_(fd) { buf_.reserve(kFlushAt * 2); }
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& buffer() { return buf_; }
  // Flushes when the buffer is big, or when lines have waited long enough that a reader
  // watching the trace live would notice (a slow, steady stream must still show promptly).
  void maybe_flush();
  void flush();
  int fd() const { return fd_; }

 private:
  static constexpr std::size_t kFlushAt = 256 * 1024;
  static constexpr long kMaxDelayNs = 100 * 1000 * 1000;
  int fd_;
  std::string buf_;
  long long last_flush_ns_ = 0;
  unsigned calls_ = 0;  // maybe_flush calls: the clock is read on every 64th
};

}  // namespace etrace
