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
  void maybe_flush() {
    if (buf_.size() >= kFlushAt) flush();
  }
  void flush();
  int fd() const { return fd_; }

 private:
  static constexpr std::size_t kFlushAt = 256 * 1024;
  int fd_;
  std::string buf_;
};

}  // namespace etrace
