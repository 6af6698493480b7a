#include "runtime/tracer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "app/fatal.h"
#include "app/launch.h"
#include "app/output.h"
#include "app/pipeline.h"
#include "filter/expression.h"
#include "format/json_emitter.h"
#include "format/text_emitter.h"
#include "proc/fd_resolver.h"
#include "proc/procfs.h"
#include "runtime/session.h"
#include "stats/summary.h"
#include "syscalls/capture_plan.h"
#include "syscalls/syscall_table.h"

namespace etrace {

namespace {

std::atomic<int> g_stop_signal{0};

void on_stop_signal(int sig) { g_stop_signal = sig; }

std::uint64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000u + static_cast<std::uint64_t>(ts.tv_nsec);
}

std::int64_t mono_to_real_offset() {
  timespec mono, real;
  clock_gettime(CLOCK_MONOTONIC, &mono);
  clock_gettime(CLOCK_REALTIME, &real);
  return (static_cast<std::int64_t>(real.tv_sec) - mono.tv_sec) * 1000000000 + (real.tv_nsec - mono.tv_nsec);
}

// CAP_BPF (39) and CAP_PERFMON (38), or CAP_SYS_ADMIN (21), in the effective set.
bool has_bpf_capabilities() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    const std::uint64_t caps = std::stoull(line.substr(7), nullptr, 16);
    const bool admin = caps & (1ull << 21);
    const bool bpf_perfmon = (caps & (1ull << 39)) && (caps & (1ull << 38));
    return admin || bpf_perfmon;
  }
  return geteuid() == 0;
}

void preflight(const Options& o) {
  if (!has_bpf_capabilities())
    throw Fatal("tracing needs root, or the CAP_BPF and CAP_PERFMON capabilities: run it with sudo");
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
    throw Fatal("this kernel has no BTF (/sys/kernel/btf/vmlinux is missing); etrace needs a kernel "
                "built with CONFIG_DEBUG_INFO_BTF=y");
  for (int pid : o.pids)
    if (kill(pid, 0) != 0 && errno == ESRCH)
      throw Fatal(fmt::format("attach: pid {}: No such process (check the pid with ps)", pid));
}

// Opens -o before anything runs, so an unwritable path fails first; removes the file again
// if tracing never starts (no half-written or empty leftovers).
class OutputFile {
 public:
  explicit OutputFile(const Options& o) {
    if (o.output.empty()) {
      fd_ = STDERR_FILENO;
      return;
    }
    struct stat st;
    created_ = stat(o.output.c_str(), &st) != 0;
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (o.append ? O_APPEND : O_TRUNC);
    fd_ = open(o.output.c_str(), flags, 0644);
    if (fd_ < 0)
      throw Fatal(fmt::format("cannot open output file '{}': {} (choose a writable path for -o)", o.output,
                              std::strerror(errno)));
    path_ = o.output;
  }
  ~OutputFile() {
    if (fd_ > STDERR_FILENO) close(fd_);
    if (!started_ && created_ && !path_.empty()) unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  void started() { started_ = true; }

 private:
  int fd_ = -1;
  bool created_ = false;
  bool started_ = false;
  std::string path_;
};

FilterSpec build_filter(const Options& o) {
  FilterBuilder fb;
  for (const auto& e : o.exprs)
    if (auto err = fb.add(e)) throw Fatal(*err);
  if (o.only_failed) fb.add_Z();
  if (o.only_successful) fb.add_z();
  for (int i = 0; i < o.quiet; ++i)
    if (auto err = fb.add_q()) throw Fatal(*err);
  FilterSpec spec = fb.finish();
  for (const auto& w : spec.warnings) fmt::print(stderr, "etrace: {}\n", w);
  return spec;
}

void report_drops(std::uint64_t lost, Output& out) {
  out.flush();
  fmt::print(stderr, "etrace: {} events lost (ring buffer full); raise --buffer-size\n", lost);
}

}  // namespace

int run_trace(const Options& o) {
  const FilterSpec filter = build_filter(o);
  preflight(o);
  OutputFile out_file(o);

  std::optional<PendingChild> child;
  if (!o.command.empty()) child.emplace(resolve_command(o.command[0]), o.command);

  // What the kernel decides: the syscall set (plus the calls that keep -y's fd table true).
  KernelFilter kf = kernel_part(filter);
  std::vector<bool> traced = kf.syscalls;
  const SyscallTable& table = SyscallTable::native();
  if (o.decorate_fds) {
    for (auto name : FdResolver::fd_lifecycle_syscalls())
      if (auto* info = table.by_name(name); info && static_cast<std::size_t>(info->nr) < traced.size())
        traced[info->nr] = true;
  }
  PlanOptions popts;
  popts.max_strlen = o.strsize;
  auto plans = project_capture_plans(table, traced, kf.others, popts);
  for (std::size_t nr = 0; nr < kf.count_only.size() && nr < plans.size(); ++nr)
    if (kf.count_only[nr] && !(plans[nr].flags & ETRACE_PLAN_ENABLED))
      plans[nr].flags = ETRACE_PLAN_ENABLED | ETRACE_PLAN_COUNT_ONLY;

  SessionConfig cfg;
  cfg.plans = std::move(plans);
  cfg.follow_forks = o.follow > 0;
  cfg.comms = o.comms;
  cfg.cgroup_path = o.cgroup;
  cfg.buffer_size = o.buffer_size;
  cfg.status_mask = kf.status_mask == (ETRACE_STATUS_SUCCESSFUL | ETRACE_STATUS_FAILED) ? 0 : kf.status_mask;
  cfg.count_only = o.summary && !o.summary_too;
  cfg.precise_time = o.timestamps || o.relative || o.durations || o.summary || o.json;
  cfg.filter_tgids = child.has_value() || !o.pids.empty();
  if (child) cfg.tgids.push_back(static_cast<std::uint32_t>(child->pid()));
  for (int pid : o.pids) cfg.tgids.push_back(static_cast<std::uint32_t>(pid));

  Session session(cfg);
  out_file.started();

  // Decoding and output.
  Output output(out_file.fd());
  std::unique_ptr<ProcFs> procfs = make_real_procfs();
  FdResolverOptions fopts;
  fopts.level = o.decorate_fds;
  FdResolver fds(*procfs, fopts);
  TextOptions topts;
  topts.pid_style = o.output.empty() ? TextOptions::PidStyle::Bracket : TextOptions::PidStyle::Column;
  topts.timestamps = o.timestamps;
  topts.relative = o.relative;
  topts.durations = o.durations;
  topts.numbers = o.numbers;
  topts.hex_strings = o.hex;
  topts.column = o.column;
  topts.mono_to_real_ns = mono_to_real_offset();
  std::unique_ptr<Emitter> emitter;
  if (o.json) emitter = std::make_unique<JsonEmitter>(output.buffer());
  else emitter = std::make_unique<TextEmitter>(output.buffer(), topts);

  PipelineOptions popt;
  popt.decode.opts.max_strlen = o.strsize;
  popt.decode.opts.hex_strings = o.hex;
  popt.decode.opts.verbose = o.verbose;
  popt.decode.opts.decorate_fds = o.decorate_fds;
  popt.decode.fds = o.decorate_fds ? &fds : nullptr;
  popt.pid_on_every_line = o.always_show_pid || (!o.output.empty() && o.follow > 0);
  popt.print_syscall.resize(kf.syscalls.size());
  for (std::size_t nr = 0; nr < kf.syscalls.size(); ++nr) popt.print_syscall[nr] = filter.trace.contains(nr);
  popt.print_exits = !(filter.quiet & kQuietExit);
  popt.follow = o.follow > 0;
  PipelineHooks hooks;
  if (o.decorate_fds) {
    hooks.before_call = [&](const SyscallInfo* info, const SyscallCall& call) { fds.observe(info, call); };
    hooks.after_call = [&](const SyscallInfo* info, const SyscallCall& call) { fds.observe_after(info, call); };
    hooks.on_fork = [&](std::uint32_t parent, std::uint32_t kid) { fds.on_fork(parent, kid); };
    hooks.on_process_exit = [&](std::uint32_t tgid) { fds.on_exit(tgid); };
  }
  SummaryCounter counter;
  if (o.summary && !cfg.count_only)
    hooks.on_call_counted = [&](const SyscallInfo*, const SyscallCall& call) {
      counter.add(call.nr, call.failed(), call.exit_ts_ns > call.enter_ts_ns ? call.exit_ts_ns - call.enter_ts_ns : 0);
    };
  Pipeline pipeline(popt, *emitter, hooks);
  if (child) pipeline.add_task(static_cast<std::uint32_t>(child->pid()));

  struct sigaction sa{};
  sa.sa_handler = on_stop_signal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
  if (child) child->release();

  const Session::RecordFn feed = [&](std::span<const std::uint8_t> bytes) {
    pipeline.on_record(bytes);
    output.maybe_flush();
  };
  std::optional<int> child_status;
  std::uint64_t lost_reported = 0;
  std::uint64_t next_scan = monotonic_ns() + 200'000'000;
  std::uint64_t next_drop_check = monotonic_ns() + 1'000'000'000;
  auto lost_now = [&] {
    std::uint64_t n = 0;
    for (auto v : session.drops()) n += v;
    return n;
  };
  for (;;) {
    const int n = session.poll(20, feed);
    if (child && !child_status) {
      int st;
      if (waitpid(child->pid(), &st, WNOHANG) == child->pid()) child_status = st;
    }
    bool done = g_stop_signal != 0;
    if (child) done = done || (child_status && (o.follow == 0 || !session.any_tgid_left()));
    else if (!o.pids.empty()) done = done || !session.any_tgid_left();
    if (done) break;
    const std::uint64_t now = monotonic_ns();
    if (n == 0) output.flush();
    if (now >= next_scan) {
      for (const auto& call : session.running_calls(now - 200'000'000)) pipeline.on_still_running(call);
      next_scan = now + 200'000'000;
    }
    if (now >= next_drop_check) {
      const std::uint64_t lost = lost_now();
      if (lost > lost_reported) {
        report_drops(lost - lost_reported, output);
        lost_reported = lost;
      }
      next_drop_check = now + 1'000'000'000;
    }
  }
  while (session.poll(0, feed) > 0) {
  }
  if (o.summary) {
    std::vector<SyscallTotals> rows;
    if (cfg.count_only) {
      auto counts = session.counts();
      for (std::size_t nr = 0; nr + 1 < counts.size(); ++nr)
        rows.push_back({static_cast<std::int64_t>(nr), counts[nr].calls, counts[nr].errors, counts[nr].ns});
    } else {
      rows = counter.totals();
    }
    output.buffer() += format_summary(std::move(rows), *parse_summary_sort(o.summary_sort));
  }
  output.flush();
  const std::uint64_t lost = lost_now();
  if (lost > 0)
    fmt::print(stderr, "etrace: {} events lost in total (ring buffer full); raise --buffer-size\n", lost);
  if (child && !child_status) {
    // Stopped by a signal while the command runs: it goes on, untraced (as strace detaches).
    return 128 + g_stop_signal.load();
  }
  return child ? shell_status(*child_status) : 0;
}

}  // namespace etrace
