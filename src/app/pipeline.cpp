#include "app/pipeline.h"

#include <csignal>
#include <optional>

#include "format/range_emitter.h"
#include "xlat/xlat.h"

namespace etrace {

namespace {

const SyscallSpec& spec_of(const SyscallInfo* info) {
  return info && info->spec ? *info->spec : generic_syscall_spec();
}

// The kernel's name, or strace's "syscall_0x1c5" (kept in `storage`) for an unknown number.
std::string_view name_of(const SyscallInfo* info, std::int64_t nr, std::string& storage) {
  if (info) return info->name;
  storage = unknown_syscall_name(nr);
  return storage;
}

}  // namespace


EntryPart entry_part(const SyscallSpec& spec, bool decoded) {
  for (int i = 0; i < spec.nargs; ++i) {
    switch (spec.args[i].kind) {
      case ArgKind::BufOut:
      case ArgKind::StructOut:
      case ArgKind::SockaddrOut:
      case ArgKind::FdPair:
        return {i, false};
      default:
        if (decoded && shows_written_back(spec.args[i])) return {i + 1, true};
        break;
    }
  }
  return {spec.nargs, false};
}

Pipeline::Pipeline(PipelineOptions opts, Emitter& out, PipelineHooks hooks)
    : opts_(std::move(opts)), out_(out), hooks_(std::move(hooks)), base_decode_(opts_.decode.opts) {}

bool Pipeline::status_wanted(const SyscallCall& call) const {
  if (!call.has_ret) return opts_.status & kStatusUnfinished;
  return opts_.status & (call.failed() ? kStatusFailed : kStatusSuccessful);
}

void Pipeline::set_decode_options(std::int64_t nr) {
  DecodeOptions& d = opts_.decode.opts;
  d.verbose = opts_.abbrev ? !opts_.abbrev->contains(nr) : base_decode_.verbose;
  d.raw = opts_.raw ? opts_.raw->contains(nr) : base_decode_.raw;
  d.deref = !opts_.deref || opts_.deref->contains(nr);
}

bool Pipeline::decodes_pointers() const { return !opts_.decode.opts.raw && opts_.decode.opts.deref; }

bool Pipeline::wanted(std::int64_t nr) const {
  if (opts_.print_syscall.empty()) return true;
  if (nr < 0 || static_cast<std::size_t>(nr) >= opts_.print_syscall.size()) return false;
  return opts_.print_syscall[nr];
}

std::int64_t& Pipeline::task(std::uint32_t tid) {
  if (!cached_task_ || cached_tid_ != tid) {
    cached_task_ = &tasks_.try_emplace(tid, -1).first->second;
    cached_tid_ = tid;
  }
  return *cached_task_;
}

void Pipeline::forget_task(std::uint32_t tid) {
  if (cached_task_ && cached_tid_ == tid) cached_task_ = nullptr;
  tasks_.erase(tid);
}

LineInfo Pipeline::line_for(std::uint32_t tgid, std::uint32_t tid, std::uint64_t ts, std::uint32_t ns_tid,
                            std::uint64_t cgroup_id) {
  task(tid);
  LineInfo info;
  info.tgid = tgid;
  info.tid = tid;
  info.ts_ns = ts;
  info.ns_tid = ns_tid;
  info.cgroup_id = cgroup_id;
  info.show_pid = !opts_.never_show_pid && (opts_.pid_on_every_line || tasks_.size() > 1);
  return info;
}

bool Pipeline::on_record(std::span<const std::uint8_t> bytes) {
  if (limit_reached()) return true;
  const std::uint16_t kind = parse_record_into(bytes, slots_);
  if (!kind) {
    ++malformed_;
    return false;
  }
  ++records_;
  const RecordHeader& h = kind == ETRACE_REC_TASK_EXIT ? slots_.exit.hdr
                          : kind == ETRACE_REC_SIGNAL  ? slots_.signal.hdr
                          : kind == ETRACE_REC_FORK    ? slots_.fork.hdr
                          : kind == ETRACE_REC_RATE_LIMITED ? slots_.rate.hdr
                                                       : slots_.syscall.hdr;
  if (opts_.decode.pids) [[unlikely]] {
    opts_.decode.pids->learn(h.pidns, h.ns_tid, h.tid, h.ns_tgid, h.tgid);
    if (kind == ETRACE_REC_FORK)  // what fork returns in the parent's namespace
      opts_.decode.pids->learn(h.pidns, slots_.fork.child_ns_tid, slots_.fork.child_tid, slots_.fork.child_ns_tgid,
                               slots_.fork.child_tgid);
  }
  std::optional<SignalRecord> after_this;
  if (!deferred_signals_.empty()) {
    if (auto d = deferred_signals_.find(h.tid); d != deferred_signals_.end()) {
      if (kind == ETRACE_REC_SYSCALL && slots_.syscall.call.seq == d->second.in_call_seq) after_this = d->second;
      else print_signal(d->second);
      deferred_signals_.erase(d);
    }
  }
  if (h.lost_before) out_.lost_line(line_for(h.tgid, h.tid, h.ts_ns, h.ns_tid, h.cgroup_id), h.lost_before);
  switch (kind) {
    case ETRACE_REC_TASK_EXIT: on_exit(slots_.exit); break;
    case ETRACE_REC_SIGNAL: on_signal(slots_.signal); break;
    case ETRACE_REC_FORK: {
      const ForkRecord& f = slots_.fork;
      if (opts_.follow || f.child_tgid == f.hdr.tgid) {
        task(f.hdr.tid);  // the parent lives on: two tasks from here
        task(f.child_tid);
        if (opts_.follow && hooks_.on_new_task) hooks_.on_new_task(f.child_tid);
      }
      if (hooks_.on_fork && f.child_tgid != f.hdr.tgid) hooks_.on_fork(f.hdr.tgid, f.child_tgid);
      break;
    }
    case ETRACE_REC_RATE_LIMITED:
      if (opts_.print_calls) out_.rate_limited_line(line_for(h.tgid, h.tid, h.ts_ns, h.ns_tid, h.cgroup_id), slots_.rate.calls);
      break;
    default: on_syscall(slots_.syscall); break;
  }
  if (after_this) print_signal(*after_this);
  return true;
}

void Pipeline::on_syscall(SyscallRecord& r) {
  SyscallCall& call = r.call;
  if (r.hdr.kind == ETRACE_REC_ENTER) {
    entered_[call.tid] = std::move(call);
    return;
  }
  if (r.hdr.flags & ETRACE_SC_ENTER_SENT) {
    auto it = entered_.find(call.tid);
    if (it != entered_.end() && it->second.enter_ts_ns == call.enter_ts_ns) {
      auto& in = it->second.payloads;
      call.payloads.insert(call.payloads.begin(), std::make_move_iterator(in.begin()),
                           std::make_move_iterator(in.end()));
    }
    if (it != entered_.end()) entered_.erase(it);
  }
  if (call.nr >= 0 && call.nr < 4096) {
    if (counts_.size() <= static_cast<std::size_t>(call.nr)) counts_.resize(call.nr + 1);
    ++counts_[call.nr];
  }
  task(call.tid) = call.nr;
  const SyscallInfo* info = syscalls_.by_number(call.nr);
  LineInfo line = line_for(call.tgid, call.tid, call.enter_ts_ns, call.ns_tid, call.cgroup_id);
  line.nr = call.nr;
  line.duration_ns = call.has_ret && call.exit_ts_ns > call.enter_ts_ns ? call.exit_ts_ns - call.enter_ts_ns : 0;
  if (hooks_.before_call) hooks_.before_call(info, call);
  // strace -c counts every call of the trace set that -P admits, whatever its status (-z/-Z).
  const bool kept = wanted(call.nr) && (!hooks_.keep_call || hooks_.keep_call(info, call));
  if (kept && hooks_.on_call_counted) hooks_.on_call_counted(info, call);
  if (kept && status_wanted(call)) {
    ++calls_shown_;
    if (opts_.print_calls) {
      set_decode_options(call.nr);
      print_call(info, call, line);
      if (call.has_ret && hooks_.after_line) hooks_.after_line(info, call, line);
    }
  } else if (!unfinished_.empty()) {
    unfinished_.erase(call.tid);  // its "<unfinished ...>" head (if any) stays without a tail
  }
  if (hooks_.after_call) hooks_.after_call(info, call);
}

// -e raw=: every argument as the number it is, in hex (0 as "0", as strace's %#lx prints it).
void Pipeline::print_args(const SyscallInfo* info, const SyscallCall& call, Emitter& out) {
  if (opts_.decode.opts.raw) {
    const SyscallSpec& spec = spec_of(info);
    for (int i = 0; i < spec.nargs; ++i) {
      out.arg(spec.args[i].name);
      if (call.args[i]) out.hex(call.args[i]);
      else out.verbatim("0");
    }
    return;
  }
  decode_args(info, call, opts_.decode, out);
}

CallResult Pipeline::result_of(const SyscallInfo* info, const SyscallCall& call) {
  CallResult r = decode_result(info, call, opts_.decode);
  if (opts_.decode.opts.raw && r.errno_name.empty() && r.kind != CallResult::Kind::Unknown) {
    r.kind = r.value ? CallResult::Kind::Hex : CallResult::Kind::Int;
    r.decoration.clear();
  }
  return r;
}

void Pipeline::print_call(const SyscallInfo* info, const SyscallCall& call, const LineInfo& line) {
  std::string storage;
  const std::string_view name = name_of(info, call.nr, storage);
  auto it = unfinished_.empty() ? unfinished_.end() : unfinished_.find(call.tid);
  if (call.killed) {
    // The process died in the call (SIGKILL): strace shows the arguments known at entry and
    // no result: "read(0,  <unfinished ...>) = ?", "<... read resumed> <unfinished ...>) = ?",
    // or "kill(1234, SIGKILL) = ?" for a call with no outputs.
    const SyscallSpec& spec = spec_of(info);
    const EntryPart part = entry_part(spec, decodes_pointers());
    if (it != unfinished_.end() && it->second.enter_ts == call.enter_ts_ns) {  // its head is out
      unfinished_.erase(it);
      if (!out_.resume_open(line)) out_.begin_resumed(line, name);
    } else {
      RangeEmitter head(out_, 0, part.args, part.cut);
      head.begin_call(line, name);
      print_args(info, call, head);
    }
    out_.end_killed(part.args < spec.nargs || part.cut);
    return;
  }
  if (it != unfinished_.end() && it->second.enter_ts == call.enter_ts_ns) {
    unfinished_.erase(it);
    const EntryPart part = entry_part(spec_of(info), decodes_pointers());
    RangeEmitter rest(out_, part.args, 6, part.cut);
    // Nothing was printed since the head: the line completes in place, as strace's does.
    if (!out_.resume_open(line)) rest.begin_resumed(line, name);
    print_args(info, call, rest);
    rest.end_call(result_of(info, call));
    return;
  }
  out_.begin_call(line, name);
  print_args(info, call, out_);
  if (call.has_ret) out_.end_call(result_of(info, call));
  else {
    CallResult unknown;
    unknown.kind = CallResult::Kind::Unknown;
    out_.end_call(unknown);
  }
}

void Pipeline::on_still_running(const SyscallCall& call) {
  if (!opts_.print_calls || !wanted(call.nr) || opts_.status != kStatusAll || limit_reached()) return;
  // -P / trace-fds= judge the arguments known at entry; a call they reject stays hidden.
  const SyscallInfo* info = syscalls_.by_number(call.nr);
  if (hooks_.keep_call && !hooks_.keep_call(info, call)) return;
  set_decode_options(call.nr);
  auto& u = unfinished_[call.tid];
  if (u.enter_ts == call.enter_ts_ns) return;  // already printed
  u = {call.nr, call.enter_ts_ns};
  const SyscallSpec& spec = spec_of(info);
  LineInfo line = line_for(call.tgid, call.tid, call.enter_ts_ns, call.ns_tid, call.cgroup_id);
  line.nr = call.nr;
  const EntryPart part = entry_part(spec, decodes_pointers());
  RangeEmitter head(out_, 0, part.args, part.cut);
  std::string storage;
  head.begin_call(line, name_of(info, call.nr, storage));
  print_args(info, call, head);
  // strace leaves the ", " before the first output argument (not inside a cut one).
  if (part.args < spec.nargs && !part.cut) out_.arg("");
  if (!out_.hold_open()) out_.end_unfinished();
}

void Pipeline::on_exit(const TaskExitRecord& r) {
  unfinished_.erase(r.hdr.tid);
  entered_.erase(r.hdr.tid);
  if (opts_.print_exits) {
    LineInfo line = line_for(r.hdr.tgid, r.hdr.tid, r.hdr.ts_ns, r.hdr.ns_tid, r.hdr.cgroup_id);
    const int status = r.exit_code;
    const bool killed = (status & 0x7f) != 0;
    line.nr = task(r.hdr.tid);
    // -n: strace shows the call the task ended in; a task that exited did so in exit_group
    // (or exit), even when the trace set left that call out.
    constexpr std::int64_t kExit = 60, kExitGroup = 231;
    if (!killed && line.nr != kExit && line.nr != kExitGroup) line.nr = kExitGroup;
    out_.exit_line(line, (status >> 8) & 0xff, killed, killed ? signal_name(status & 0x7f) : std::string(),
                   (status & 0x80) != 0);
  }
  forget_task(r.hdr.tid);
  if (hooks_.on_task_exit) hooks_.on_task_exit(r.hdr.tid);
  if (r.group_dead && hooks_.on_process_exit) hooks_.on_process_exit(r.hdr.tgid);
}

void Pipeline::on_signal(const SignalRecord& r) {
  if ((r.hdr.flags & ETRACE_SIG_GENERATED) && r.in_call_seq) {
    deferred_signals_.insert_or_assign(r.hdr.tid, r);
    return;
  }
  print_signal(r);
}

void Pipeline::print_signal(const SignalRecord& r) {
  if (!opts_.print_signals || (opts_.signals && !opts_.signals->contains(r.sig))) return;
  LineInfo line = line_for(r.hdr.tgid, r.hdr.tid, r.hdr.ts_ns, r.hdr.ns_tid, r.hdr.cgroup_id);
  line.nr = task(r.hdr.tid);
  out_.signal_line(line, signal_name(r.sig));
  if (hooks_.siginfo_printer) {
    hooks_.siginfo_printer(r.sig, r.siginfo, r.hdr.pidns, out_);
  } else {
    out_.begin_struct();
    out_.field("si_signo");
    out_.symbol(signal_name(r.sig), r.sig);
    out_.ellipsis();
    out_.end_struct();
  }
  out_.end_signal();
}

}  // namespace etrace
