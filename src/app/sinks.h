// Where formatted lines go: one buffered output (stderr or -o FILE), or with -ff -o FILE one
// file per thread, FILE.TID, as strace -ff writes them. The pipeline sees one Emitter either
// way; extra text that belongs after a line (hex dumps) goes to buffer_for(tid).
//
// A service may have more threads than etrace may open files: per-thread files are opened when
// they have lines to write, and the least recently used is closed (and later reopened to append)
// when the descriptor limit is near. A file that cannot be opened at all (its directory removed,
// no permission) is said once on stderr; that thread's lines are dropped, the others go on, and
// the run ends with a failure status.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "app/output.h"
#include "format/emitter.h"

namespace etrace {

class Sinks {
 public:
  using EmitterFactory = std::function<std::unique_ptr<Emitter>(std::string& buffer)>;

  // One output on `fd` (not owned); `name` says where it goes in an error message.
  Sinks(int fd, std::string name, EmitterFactory make);
  // One file per thread: `stem`.TID, created (or appended to with `append`) at the thread's first line.
  Sinks(std::string stem, bool append, EmitterFactory make);
  ~Sinks();
  Sinks(const Sinks&) = delete;
  Sinks& operator=(const Sinks&) = delete;

  Emitter& emitter() { return single_emitter_ ? *single_emitter_ : *front_; }
  std::string& buffer_for(std::uint32_t tid);
  void maybe_flush();
  void flush();
  // Whether a write to any of the outputs failed (each failure was reported once on stderr).
  bool failed() const;

  struct PerThread;  // sinks.cpp

 private:
  friend class RoutingEmitter;
  PerThread& thread(std::uint32_t tid);
  void close_thread(std::uint32_t tid);
  bool ensure_open(std::uint32_t tid, PerThread& t);
  bool close_least_recent(std::uint32_t keep);
  void flush_thread(std::uint32_t tid, PerThread& t);

  EmitterFactory make_;
  std::unique_ptr<Output> single_;
  std::unique_ptr<Emitter> single_emitter_;
  std::string stem_;
  bool append_ = false;
  std::unordered_map<std::uint32_t, std::unique_ptr<PerThread>> threads_;
  std::unordered_set<std::uint32_t> opened_before_;  // a reused or reopened tid appends to its file
  std::size_t open_files_ = 0;
  std::size_t max_open_files_ = 0;
  std::uint64_t use_clock_ = 0;
  std::uint64_t open_failures_ = 0;
  std::unique_ptr<Emitter> front_;
};

}  // namespace etrace
