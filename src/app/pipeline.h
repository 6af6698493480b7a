// From raw records to output lines: validate, pair entry/exit, decide the pid prefix, decode,
// and keep the fd table current. Knows nothing of libbpf (runtime/ feeds it bytes).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "decode/decoder.h"
#include "event/record.h"
#include "filter/expression.h"
#include "format/emitter.h"

namespace etrace {

struct PipelineOptions {
  DecodeContext decode;
  bool pid_on_every_line = false;  // -f -o FILE, --always-show-pid
  bool follow = false;             // -f: new processes are traced (threads always are)
  std::vector<bool> print_syscall;  // userspace trace set by number (empty = all)
  bool print_calls = true;         // false with -c: calls are only counted
  bool print_signals = true;
  bool print_exits = true;
  bool never_show_pid = false;     // -ff -o: each thread has its own file, lines carry no pid
  // -e status= (StatusBit). Unless every outcome is wanted, a call is printed whole once its
  // outcome is known (no "<unfinished ...>" split), as strace does; a call that never returns
  // (exit_group) is "unfinished".
  std::uint32_t status = kStatusAll;
  std::optional<NumberSet> signals;  // -e signal=: the "--- SIG" lines to show (unset: all)
  std::optional<NumberSet> abbrev;   // -e abbrev= by syscall (unset: decode.opts.verbose for all)
  std::optional<NumberSet> raw;      // -e raw= by syscall (unset: decode.opts.raw for all)
  std::optional<NumberSet> deref;    // -e verbose= by syscall: outside it, DecodeOptions::deref is off
  // --syscall-limit: once this many calls have passed every filter, nothing more is shown
  // (0: no limit). The calls counted are those strace counts: of the trace set, kept by -P and
  // trace-fds=, of a wanted status.
  std::uint64_t call_limit = 0;
};

// Hooks for the fd table and statistics; any may be empty.
struct PipelineHooks {
  std::function<void(const SyscallInfo*, const SyscallCall&)> before_call;  // fd table: the call's effects
  std::function<void(const SyscallInfo*, const SyscallCall&)> after_call;   // fd table: forget closed fds
  std::function<void(std::uint32_t parent_tgid, std::uint32_t child_tgid)> on_fork;
  std::function<void(std::uint32_t tgid)> on_process_exit;
  std::function<void(std::uint32_t tid)> on_task_exit;  // after the thread's last line
  // -c: calls of the trace set that keep_call admits, whatever their status (as strace counts).
  std::function<void(const SyscallInfo*, const SyscallCall&)> on_call_counted;
  // pidns: the receiving thread's pid namespace (0 when not known).
  std::function<void(int sig, std::string_view siginfo, std::uint32_t pidns, Emitter&)> siginfo_printer;
  // Userspace filters decided per call (-P, trace-fds=), after before_call: false hides the call.
  std::function<bool(const SyscallInfo*, const SyscallCall&)> keep_call;
  // After a call's complete line ("= ret"): hex dumps of -e read= / -e write=.
  std::function<void(const SyscallInfo*, const SyscallCall&, const LineInfo&)> after_line;
  // A task appeared through fork/clone and will be traced ("Process N attached").
  std::function<void(std::uint32_t tid)> on_new_task;
};

class Pipeline {
 public:
  Pipeline(PipelineOptions opts, Emitter& out, PipelineHooks hooks = {});

  // One ring-buffer record. Returns false for a malformed record (counted, skipped).
  bool on_record(std::span<const std::uint8_t> bytes);
  // A call seen still running by the in-flight scan: print "name(args <unfinished ...>".
  void on_still_running(const SyscallCall& call);
  // Tasks known before any record arrives (the traced command, threads of -p targets).
  void add_task(std::uint32_t tid) { tasks_.try_emplace(tid, -1); }

  // --syscall-limit: the limit's last call has been handled; every later record is ignored.
  bool limit_reached() const { return opts_.call_limit && calls_shown_ >= opts_.call_limit; }

  std::uint64_t records() const { return records_; }
  std::uint64_t malformed() const { return malformed_; }
  // Calls seen per syscall number (printed or not), for the unseen-syscall hint at exit.
  const std::vector<std::uint64_t>& counts() const { return counts_; }

 private:
  void on_syscall(SyscallRecord& r);
  void on_exit(const TaskExitRecord& r);
  void on_signal(const SignalRecord& r);
  void print_signal(const SignalRecord& r);
  LineInfo line_for(std::uint32_t tgid, std::uint32_t tid, std::uint64_t ts, std::uint32_t ns_tid = 0,
                    std::uint64_t cgroup_id = 0);
  // `line` by reference: a copy right after its fields were written stalls on store forwarding.
  void print_call(const SyscallInfo* info, const SyscallCall& call, const LineInfo& line);
  void print_args(const SyscallInfo* info, const SyscallCall& call, Emitter& out);
  CallResult result_of(const SyscallInfo* info, const SyscallCall& call);
  bool wanted(std::int64_t nr) const;
  bool status_wanted(const SyscallCall& call) const;
  void set_decode_options(std::int64_t nr);
  // Whether the call set_decode_options() was last given has its pointers followed (neither
  // -e raw= nor outside -e verbose=).
  bool decodes_pointers() const;
  // The live task's latest syscall number (-1 before its first call), the task added if new.
  std::int64_t& task(std::uint32_t tid);
  void forget_task(std::uint32_t tid);

  PipelineOptions opts_;
  const SyscallTable& syscalls_ = SyscallTable::native();
  Emitter& out_;
  PipelineHooks hooks_;
  RecordSlots slots_;  // the record being handled; its storage is reused by the next one
  // Live tasks (more than one: lines carry the pid), each with its latest syscall (-n on +++/---
  // lines). The last task looked up is remembered: a burst of records comes from one thread
  // far more often than not, and map nodes do not move until erased.
  std::unordered_map<std::uint32_t, std::int64_t> tasks_;
  std::uint32_t cached_tid_ = 0;
  std::int64_t* cached_task_ = nullptr;
  std::unordered_map<std::uint32_t, SyscallCall> entered_;  // tid -> ENTER record awaiting exit
  struct Unfinished {
    std::int64_t nr;
    std::uint64_t enter_ts;
  };
  std::unordered_map<std::uint32_t, Unfinished> unfinished_;  // tid -> call printed as unfinished
  // Ignored signals reported when sent, held until the call they interrupted has its line.
  std::unordered_map<std::uint32_t, SignalRecord> deferred_signals_;
  DecodeOptions base_decode_;
  std::vector<std::uint64_t> counts_;
  std::uint64_t records_ = 0;
  std::uint64_t malformed_ = 0;
  std::uint64_t calls_shown_ = 0;  // calls that passed every filter (--syscall-limit)
};

// The leading arguments shown before "<unfinished ...>": strace prints a call's input arguments
// at entry and stops at the first one the call writes; one it reads and writes back as a value
// of its own (sendfile's offset, `[0] => [16]`) is cut: its value going in ends the head, the
// rest of it begins the tail, `<... sendfile resumed> => [16], 16) = 16`. Not when the call's
// pointers are not followed (`decoded` false: -e raw=, -e verbose=): the address is all there is.
struct EntryPart {
  int args = 0;      // arguments shown, the last one only in part when `cut`
  bool cut = false;
};
EntryPart entry_part(const SyscallSpec& spec, bool decoded);

}  // namespace etrace
