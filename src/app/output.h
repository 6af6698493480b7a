// Buffered output to a file descriptor: lines accumulate in one string and leave in big writes.
//
// Output never holds etrace hostage: a write blocked on a reader that stopped reading (a FIFO,
// a paused pager, a terminal held with ^S) is interrupted by the signal that stops the trace,
// and once the trace is stopping every write waits at most until a deadline, then the rest is
// dropped and said. The descriptor's own flags are never changed: the traced command may share it.
#pragma once

#include <string>
#include <string_view>

namespace etrace {

class Output {
 public:
  // `name` says where the lines go ("stderr", a path) in the one message a failed write prints.
  // fd -1: no descriptor yet (set_fd() gives one before the first flush).
  explicit Output(int fd, std::string name = "the output") : fd_(fd), name_(std::move(name)) {
    buf_.reserve(kFlushAt * 2);
  }
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& buffer() { return buf_; }
  // Flushes when the buffer is big, or when lines have waited long enough that a reader
  // watching the trace live would notice (a slow, steady stream must still show promptly).
  void maybe_flush() {
    if (due()) flush();
  }
  // Whether maybe_flush() would write now.
  bool due();
  // Writes the buffer. Returns early, keeping what is unwritten, when a stop interrupts a
  // blocked write; drops it when the stop deadline passes (see stop_writes_by).
  void flush();
  int fd() const { return fd_; }
  void set_fd(int fd) { fd_ = fd; }
  // The errno of the first write that failed (0: none). From then on lines are dropped: a full
  // disk or a closed pipe must not make etrace spin, and the operator has been told once.
  int error() const { return error_; }
  // Whether any Output of this process failed to write: the run's exit status says so.
  static bool any_failed();
  // Marks the whole run's output as failed (a message was already printed).
  static void mark_failed();

  // A signal asked the trace to stop: a write blocked now gives up instead of retrying.
  // Async-signal-safe: called from the signal handler.
  static void interrupt();
  static bool interrupted();
  // From now on, writes wait for a reader at most until `deadline_ns` (CLOCK_MONOTONIC).
  static void stop_writes_by(long long deadline_ns);

  // One line of etrace's own on stderr, under the same deadline (never blocks past it).
  static void say(std::string_view line);

 private:
  static constexpr std::size_t kFlushAt = 256 * 1024;
  static constexpr long kMaxDelayNs = 100 * 1000 * 1000;
  void fail(int err);
  void give_up(std::size_t dropped);
  int fd_;
  std::string name_;
  std::string buf_;
  long long last_flush_ns_ = 0;
  unsigned calls_ = 0;  // maybe_flush calls: the clock is read on every 64th
  int error_ = 0;
};

// Writes all of `data` to `fd` unless a stop interrupts it or the stop deadline passes first.
// Returns the bytes written; `err` gets the errno of a failure (EINTR: stopped, ETIMEDOUT: the
// deadline passed), 0 when everything was written.
std::size_t write_within_deadline(int fd, std::string_view data, int& err);

}  // namespace etrace
