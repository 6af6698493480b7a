// From raw records to output lines: validate, pair entry/exit, decide the pid prefix, decode,
// and keep the fd table current. Knows nothing of libbpf (runtime/ feeds it bytes).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "decode/decoder.h"
#include "event/record.h"
#include "format/emitter.h"

namespace etrace {

struct PipelineOptions {
  DecodeContext decode;
  bool pid_on_every_line = false;  // -f -o FILE, --always-show-pid
  bool follow = false;             // -f: new processes are traced (threads always are)
  std::vector<bool> print_syscall;  // userspace trace set by number (empty = all)
  bool print_signals = true;
  bool print_exits = true;
};

// Hooks for the fd table and statistics; any may be empty.
struct PipelineHooks {
  std::function<void(const SyscallInfo*, const SyscallCall&)> before_call;  // fd table: the call's effects
  std::function<void(const SyscallInfo*, const SyscallCall&)> after_call;   // fd table: forget closed fds
  std::function<void(std::uint32_t parent_tgid, std::uint32_t child_tgid)> on_fork;
  std::function<void(std::uint32_t tgid)> on_process_exit;
  std::function<void(const SyscallInfo*, const SyscallCall&)> on_call_counted;  // -c
  std::function<void(int sig, std::string_view siginfo, Emitter&)> siginfo_printer;
};

class Pipeline {
 public:
  Pipeline(PipelineOptions opts, Emitter& out, PipelineHooks hooks = {});

  // One ring-buffer record. Returns false for a malformed record (counted, skipped).
  bool on_record(std::span<const std::uint8_t> bytes);
  // A call seen still running by the in-flight scan: print "name(args <unfinished ...>".
  void on_still_running(const SyscallCall& call);
  // Tasks known before any record arrives (the traced command, threads of -p targets).
  void add_task(std::uint32_t tid) { live_tasks_.insert(tid); }

  std::uint64_t records() const { return records_; }
  std::uint64_t malformed() const { return malformed_; }
  std::uint64_t calls_of(std::int64_t nr) const;

 private:
  void on_syscall(SyscallRecord& r);
  void on_exit(const TaskExitRecord& r);
  void on_signal(const SignalRecord& r);
  LineInfo line_for(std::uint32_t tgid, std::uint32_t tid, std::uint64_t ts);
  void print_call(const SyscallInfo* info, const SyscallCall& call, LineInfo line);
  bool wanted(std::int64_t nr) const;

  PipelineOptions opts_;
  Emitter& out_;
  PipelineHooks hooks_;
  std::unordered_set<std::uint32_t> live_tasks_;
  std::unordered_map<std::uint32_t, SyscallCall> entered_;  // tid -> ENTER record awaiting exit
  struct Unfinished {
    std::int64_t nr;
    std::uint64_t enter_ts;
  };
  std::unordered_map<std::uint32_t, Unfinished> unfinished_;  // tid -> call printed as unfinished
  std::vector<std::uint64_t> counts_;
  std::uint64_t records_ = 0;
  std::uint64_t malformed_ = 0;
};

// The number of leading arguments shown before "<unfinished ...>": strace prints a call's
// input arguments at entry and stops at the first one the call writes.
int entry_arg_count(const SyscallSpec& spec);

}  // namespace etrace
