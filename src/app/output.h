// Buffered output to a file descriptor: lines accumulate in one string and leave in big writes.
#pragma once

#include <string>

namespace etrace {

class Output {
 public:
  // `name` says where the lines go ("stderr", a path) in the one message a failed write prints.
  explicit Output(int fd, std::string name = "the output") : fd_(fd), name_(std::move(name)) {
    buf_.reserve(kFlushAt * 2);
  }
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& buffer() { return buf_; }
  // Flushes when the buffer is big, or when lines have waited long enough that a reader
  // watching the trace live would notice (a slow, steady stream must still show promptly).
  void maybe_flush();
  void flush();
  int fd() const { return fd_; }
  // The errno of the first write that failed (0: none). From then on lines are dropped: a full
  // disk or a closed pipe must not make etrace spin, and the operator has been told once.
  int error() const { return error_; }
  // Whether any Output of this process failed to write: the run's exit status says so.
  static bool any_failed();

 private:
  static constexpr std::size_t kFlushAt = 256 * 1024;
  static constexpr long kMaxDelayNs = 100 * 1000 * 1000;
  void fail(int err);
  int fd_;
  std::string name_;
  std::string buf_;
  long long last_flush_ns_ = 0;
  unsigned calls_ = 0;  // maybe_flush calls: the clock is read on every 64th
  int error_ = 0;
};

}  // namespace etrace
