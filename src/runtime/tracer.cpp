#include "runtime/tracer.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <charconv>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "app/call_filters.h"
#include "app/descendants.h"
#include "app/fatal.h"
#include "app/hex_dump.h"
#include "app/launch.h"
#include "app/load_failure.h"
#include "app/output.h"
#include "app/sinks.h"
#include "decode/structs.h"
#include "app/pipeline.h"
#include "proc/late_inputs.h"
#include "filter/expression.h"
#include "format/escape.h"
#include "format/json_emitter.h"
#include "format/text_emitter.h"
#include "proc/containers.h"
#include "proc/fd_resolver.h"
#include "proc/pidns.h"
#include "proc/procfs.h"
#include "runtime/session.h"
#include "stats/summary.h"
#include "syscalls/capture_plan.h"
#include "syscalls/syscall_table.h"

namespace etrace {

namespace {

std::atomic<int> g_stop_signal{0};
// -I never (strace's default for -o FILE with a command): strace's five stop signals leave the
// trace running while the command does; it gets them itself (^C reaches the whole group).
std::atomic<bool> g_hold_stop_signals{false};
std::atomic<int> g_command_pid{0};
int g_reraise_signal = 0;
// After a stop signal, how long the output may wait for its reader before the rest is dropped.
constexpr long long kStopGraceNs = 500'000'000;

bool strace_stop_signal(int sig) {
  return sig == SIGHUP || sig == SIGINT || sig == SIGQUIT || sig == SIGPIPE || sig == SIGTERM;
}

bool command_exited() {
  siginfo_t info{};
  const int pid = g_command_pid.load();
  return pid <= 0 || waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == pid;
}

void on_stop_signal(int sig) {
  const int saved = errno;
  // Held, a signal still counts once the command is gone (the last output may be waiting on a
  // reader), except SIGPIPE: that one is etrace's own failed write, reported as such.
  const bool held = g_hold_stop_signals && strace_stop_signal(sig) && (sig == SIGPIPE || !command_exited());
  if (!held) {
    int none = 0;
    g_stop_signal.compare_exchange_strong(none, sig);
    Output::interrupt();
  }
  errno = saved;
}

// Every signal whose default action ends etrace ends it through the same stop: detach, last
// drain, summary, flush. No SA_RESTART: the signal ends a write blocked on a stalled reader.
void install_stop_handlers(int interruptible) {
  struct sigaction sa{};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
                  SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT})
    sigaction(sig, &sa, nullptr);
  for (int sig = SIGRTMIN; sig <= SIGRTMAX; ++sig) sigaction(sig, &sa, nullptr);
  if (interruptible == 4) signal(SIGTSTP, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGQUIT);
  sigaddset(&set, SIGPIPE);
  sigaddset(&set, SIGTERM);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
}

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

void preflight(const Options& o) {
  if (!has_bpf_capabilities())
    throw Fatal("tracing needs root, or the CAP_BPF and CAP_PERFMON capabilities: run it with sudo");
  // ETRACE_BTF: a BTF file for a kernel that does not carry its own (e.g. from BTFHub).
  const char* custom_btf = std::getenv("ETRACE_BTF");
  const std::string btf = custom_btf && *custom_btf ? custom_btf : "/sys/kernel/btf/vmlinux";
  if (access(btf.c_str(), R_OK) != 0)
    throw Fatal(custom_btf ? "cannot read the BTF file '" + btf + "' named by ETRACE_BTF"
                           : std::string("this kernel has no BTF (/sys/kernel/btf/vmlinux is missing); etrace needs "
                                         "a kernel built with CONFIG_DEBUG_INFO_BTF=y, or ETRACE_BTF=FILE"));
  for (int pid : o.pids) {
    if (kill(pid, 0) != 0 && errno == ESRCH)
      throw Fatal(fmt::format("attach: pid {}: No such process (check the pid with ps)", pid));
    if (is_kernel_thread(pid))
      throw Fatal(fmt::format("attach: pid {} is a kernel thread, which makes no system calls (choose a user "
                              "process)", pid));
  }
}

// Opens -o before anything runs, so an unwritable path fails first; removes the file again
// if tracing never starts (no half-written or empty leftovers). With -ff -o the files are
// FILE.TID, made at each thread's first line: only the directory is checked here.
class OutputFile {
 public:
  OutputFile(const Options& o, bool per_thread) {
    if (o.output.empty()) {
      fd_ = STDERR_FILENO;
      return;
    }
    if (per_thread) {
      const auto slash = o.output.rfind('/');
      const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : o.output.substr(0, slash);
      if (access(dir.c_str(), W_OK) != 0)
        throw Fatal(fmt::format("cannot write output files '{}.PID': {} (choose a writable path for -o)", o.output,
                                std::strerror(errno)));
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
  // Where the trace goes, as an error message names it.
  std::string name() const { return path_.empty() ? std::string("stderr") : fmt::format("'{}'", path_); }
  void started() { started_ = true; }

 private:
  int fd_ = -1;
  bool created_ = false;
  bool started_ = false;
  std::string path_;
};

FilterSpec build_filter(const Options& o) {
  FilterBuilder fb;
  if (o.verbose) fb.add_v();
  for (const auto& e : o.exprs)
    if (auto err = fb.add(e)) throw Fatal(*err);
  if (o.only_failed) fb.add_Z();
  if (o.only_successful) fb.add_z();
  for (int i = 0; i < o.quiet; ++i)
    if (auto err = fb.add_q()) throw Fatal(*err);
  FilterSpec spec = fb.finish();
  for (const auto& w : spec.warnings) fmt::print(stderr, "etrace: {}\n", printable(w));
  return spec;
}

void report_drops(std::uint64_t lost, Sinks& out) {
  out.flush();
  Output::say(fmt::format("etrace: {} events lost (ring buffer full); raise --buffer-size\n", lost));
}

int thread_count(int pid) {
  int n = 0;
  if (DIR* d = opendir(fmt::format("/proc/{}/task", pid).c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') ++n;
    closedir(d);
  }
  return n;
}

// -e read= / write=: the buffers they dump are captured whole (up to a payload's limit), not
// cut at -s; the decoder still cuts the line's string at -s.
void widen_dump_captures(std::vector<etrace_syscall_plan>& plans, const FilterSpec& f, const SyscallTable& table) {
  constexpr std::uint16_t kDumpMax = ETRACE_SCRATCH_HALF - sizeof(etrace_payload) - 8;
  for (std::size_t nr = 0; nr < plans.size(); ++nr) {
    const SyscallInfo* info = table.by_number(static_cast<int>(nr));
    auto t = info ? dump_target(info->name) : std::nullopt;
    if (!t || (t->is_read ? f.read_fds.is_none() : f.write_fds.is_none())) continue;
    for (unsigned i = 0; i < plans[nr].ncaptures && i < ETRACE_MAX_CAPTURES; ++i)
      if (plans[nr].captures[i].arg == t->buf_arg) plans[nr].captures[i].max = kDumpMax;
  }
}

// The capture plans the kernel gets: the trace set, the calls that keep the fd table true
// (-y, -P), and the relatives only counted for the "no open calls seen" hint.
std::vector<etrace_syscall_plan> kernel_plans(const Options& o, const FilterSpec& filter, const KernelFilter& kf,
                                              int decorate, bool need_fd_table, bool show_comm) {
  std::vector<bool> traced = kf.syscalls;
  const SyscallTable& table = SyscallTable::native();
  auto trace_too = [&](auto names) {
    for (auto name : names)
      if (auto* info = table.by_name(name); info && static_cast<std::size_t>(info->nr) < traced.size())
        traced[info->nr] = true;
  };
  if (need_fd_table) trace_too(FdResolver::fd_lifecycle_syscalls());
  if (show_comm) trace_too(CommCache::naming_syscalls());
  PlanOptions popts;
  popts.max_strlen = o.strsize;
  // -v is abbrev=none: the decoders follow abbrev= per call, and so does what is captured.
  popts.verbose = !filter.abbrev.outside;
  popts.unabbreviated.resize(filter.abbrev.bits.size());
  for (std::size_t nr = 0; nr < filter.abbrev.bits.size(); ++nr) popts.unabbreviated[nr] = !filter.abbrev.bits[nr];
  popts.decorate_fds = decorate;
  auto plans = project_capture_plans(table, traced, kf.others, popts);
  for (std::size_t nr = 0; nr < kf.count_only.size() && nr < plans.size(); ++nr)
    if (kf.count_only[nr] && !(plans[nr].flags & ETRACE_PLAN_ENABLED))
      plans[nr].flags = ETRACE_PLAN_ENABLED | ETRACE_PLAN_COUNT_ONLY;
  widen_dump_captures(plans, filter, table);
  return plans;
}

// The syscalls to attach to one by one (their syscalls/sys_enter_NAME tracepoints), or none
// when raw_syscalls is the better or the only choice: more than a few syscalls traced (each
// traced call costs a little more this way), numbers outside the table, rt_sigreturn (its
// mask is read at the stack pointer, which the event lacks), or no such tracepoint.
std::vector<std::string> per_syscall_tracepoints(const std::vector<etrace_syscall_plan>& plans, bool unknown_numbers) {
  constexpr std::size_t kMaxSyscalls = 8;
  const char* mode = std::getenv("ETRACE_ATTACH");
  if (unknown_numbers || (mode && std::string_view(mode) == "raw")) return {};
  const char* events = "/sys/kernel/tracing/events/syscalls";
  if (access(events, F_OK) != 0) mount("nodev", "/sys/kernel/tracing", "tracefs", 0, nullptr);
  std::vector<std::string> out;
  const SyscallTable& table = SyscallTable::native();
  for (std::size_t nr = 0; nr + 1 < plans.size(); ++nr) {
    if (!(plans[nr].flags & ETRACE_PLAN_ENABLED)) continue;
    const SyscallInfo* info = table.by_number(static_cast<std::int64_t>(nr));
    if (!info || info->name == "rt_sigreturn" || out.size() == kMaxSyscalls) return {};
    if (access(fmt::format("{}/sys_enter_{}", events, info->name).c_str(), F_OK) != 0) return {};
    out.emplace_back(info->name);
  }
  return out;
}

// Whether the per-syscall attach can do without entry programs: every traced call takes its
// inputs at exit and returns, and nothing needs the time a call began (-t -r -T -w, JSON) or the
// thread's runtime then (-c). Untraced syscalls then pay one tracepoint dispatch, not two.
// ETRACE_ATTACH=pairs keeps the entry programs.
bool exit_programs_suffice(const SessionConfig& cfg) {
  const char* mode = std::getenv("ETRACE_ATTACH");
  if ((mode && std::string_view(mode) == "pairs") || cfg.precise_time || cfg.cpu_time || cfg.count_only) return false;
  for (const auto& p : cfg.plans)
    if ((p.flags & ETRACE_PLAN_ENABLED) &&
        (!(p.flags & ETRACE_PLAN_INPUTS_AT_EXIT) || (p.flags & (ETRACE_PLAN_NO_RETURN | ETRACE_PLAN_COUNT_ONLY))))
      return false;
  return true;
}

// Whether the per-syscall attach hooks the syscalls' own functions (BPF trampolines) rather than
// their tracepoints: any syscall tracepoint sends every task's every syscall through the kernel's
// slow path, a trampoline costs only the calls it is on. For traced processes only (a command,
// -p): the calls they are inside at attach are waited for (Session::settle_hooks).
// ETRACE_ATTACH=tracepoints keeps the tracepoints.
// Each traced syscall loads its own copy of the programs, checked one by one by the verifier
// (seconds each on an emulated 6.1): entry programs too are used for one syscall only.
bool trampolines_wanted(const SessionConfig& cfg) {
  const char* mode = std::getenv("ETRACE_ATTACH");
  if (cfg.per_syscall.empty() || !cfg.filter_tgids || (mode && std::string_view(mode) == "tracepoints") ||
      (!cfg.exit_only && cfg.per_syscall.size() > 1))
    return false;
  return kernel_has_trampolines(cfg.per_syscall);
}

// Whether thread `pid` is asleep in read (the command's wait for the go), waiting up to a second.
bool asleep_in_read(int pid) {
  for (int i = 0; i < 50; ++i) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/syscall");
    std::string nr;
    if (in >> nr && nr == "0") return true;
    usleep(20'000);
  }
  return false;
}

// The processes traced from the start: the command etrace runs, every -p pid, and with -f the
// pids' existing descendants (a service master's workers), not only children forked later.
std::vector<std::uint32_t> traced_processes(const Options& o, int command_pid) {
  std::vector<std::uint32_t> out;
  if (command_pid > 0) out.push_back(static_cast<std::uint32_t>(command_pid));
  for (int pid : o.pids) {
    out.push_back(static_cast<std::uint32_t>(pid));
    if (o.follow)
      for (int kid : descendants_of(pid)) out.push_back(static_cast<std::uint32_t>(kid));
  }
  return out;
}


int decode_fds_level(const Options& o, const FilterSpec& f) {
  int level = o.decorate_fds;
  if (f.decode_fds) {
    if (*f.decode_fds & ~kDecodeFdsPath) level = std::max(level, 2);
    else if (*f.decode_fds & kDecodeFdsPath) level = std::max(level, 1);
  }
  return level;
}

// etrace's own priority: --nice, else ETRACE_NICE, else -10. A bad ETRACE_NICE is refused like a
// bad --nice (an environment variable is as much the operator's input as an option).
// The cgroup2 mount, from /proc/mounts ("" when there is none).
std::string cgroup2_root() {
  std::ifstream in("/proc/mounts");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return cgroup2_mount(text);
}

// --container: the container's cgroup directory.
std::string container_cgroup(const std::string& query) {
  const std::string root = cgroup2_root();
  if (root.empty())
    throw Fatal("--container: no cgroup2 file system is mounted (/proc/mounts lists none); containers are found in it");
  ContainerLookup found = find_container(root, query);
  if (!found.match) throw Fatal(found.error);
  return found.match->path;
}

int tracer_nice(const Options& o) {
  if (o.nice) return *o.nice;
  const char* env = std::getenv("ETRACE_NICE");
  if (!env || !*env) return -10;
  int n = 0;
  const char* end = env + std::strlen(env);
  auto [p, ec] = std::from_chars(env, end, n);
  if (ec != std::errc() || p != end || n < -20 || n > 19)
    throw Fatal(fmt::format("invalid ETRACE_NICE value '{}' (a priority from -20 to 19, as --nice takes)", env));
  return n;
}

}  // namespace

int stop_signal() { return g_reraise_signal; }

int run_trace(const Options& o) {
  for (const auto& w : o.warnings) fmt::print(stderr, "etrace: {}\n", printable(w));
  const FilterSpec filter = build_filter(o);
  preflight(o);
  const int nice_value = tracer_nice(o);
  std::optional<RunAs> user;
  if (!o.user.empty()) user = resolve_user(o.user);
  const bool per_thread_files = o.follow == 2 && !o.output.empty();
  OutputFile out_file(o, per_thread_files);

  std::uint32_t quiet = filter.quiet;
  // strace's default with -o on a command: no attach messages.
  if (!filter.quiet_given && !o.output.empty() && !o.command.empty()) quiet |= kQuietAttach | kQuietPersonality;

  // -P: each path as given and as it resolves, announced as strace announces it.
  std::vector<std::string> trace_paths;
  for (const auto& p : o.paths) {
    trace_paths.push_back(p);
    if (std::string r = resolved_path(p); !r.empty()) {
      if (!(quiet & kQuietPathResolution))
        fmt::print(stderr, "etrace: Requested path \"{}\" resolved into \"{}\"\n", printable(p), printable(r));
      trace_paths.push_back(std::move(r));
    }
  }

  std::optional<PendingChild> child;
  LaunchOptions lopts;
  lopts.env_changes = o.env;
  lopts.user = user ? &*user : nullptr;
  if (!o.command.empty()) child.emplace(resolve_command(o.command[0]), o.command, lopts);

  // Taken before loading the BPF programs too: on a machine its own session keeps busy, the
  // start (BTF, verifier, maps) otherwise waits on the run queue at their share. After the fork:
  // the command keeps its priority. A failure is said once, below.
  if (nice_value != 0) (void)setpriority(PRIO_PROCESS, 0, nice_value);

  // What the kernel decides: the syscall set (plus the calls that keep the fd table true).
  const int decorate = decode_fds_level(o, filter);
  const bool need_fd_table = decorate > 0 || !trace_paths.empty();
  const bool show_comm = o.decode_pids_comm || (filter.decode_pids && (*filter.decode_pids & kDecodePidsComm));
  KernelFilter kf = kernel_part(filter);
  auto plans = kernel_plans(o, filter, kf, decorate, need_fd_table, show_comm);

  const std::vector<SummaryColumn> columns =
      o.summary_columns.empty() ? default_summary_columns() : parse_summary_columns(o.summary_columns).value();
  const SummarySort sort = parse_summary_sort(o.summary_sort).value();
  const bool userspace_filters = !trace_paths.empty() || !filter.trace_fds.is_all();
  const bool summary_only = o.summary && !o.summary_too;

  SessionConfig cfg;
  cfg.plans = std::move(plans);
  cfg.follow_forks = o.follow > 0;
  cfg.comms = o.comms;
  cfg.cgroup_path = o.cgroup;
  if (!o.container.empty()) cfg.cgroup_path = container_cgroup(o.container);
  const bool pidns_translation =
      o.pidns_translation || (filter.decode_pids && (*filter.decode_pids & kDecodePidsPidns));
  cfg.task_ids = pidns_translation || o.json;
  cfg.exclude_comms = o.exclude_comms;
  for (int pid : o.exclude_pids) cfg.exclude_tgids.push_back(static_cast<std::uint32_t>(pid));
  cfg.buffer_size = o.buffer_size;
  cfg.rate_limit = o.rate_limit;
  // -c counts calls whatever -z/-Z say (as strace does), so the kernel must not drop them.
  cfg.status_mask = o.summary || kf.status_mask == (ETRACE_STATUS_SUCCESSFUL | ETRACE_STATUS_FAILED) ? 0 : kf.status_mask;
  // -c alone counts in the kernel, unless a userspace filter or a per-call column needs the calls.
  // --syscall-limit counts the calls one by one too.
  cfg.count_only = summary_only && !userspace_filters && !needs_call_durations(columns, sort) && !o.syscall_limit;
  // Clocks cost ~20 ns a read in a VM: only -t -r -T, JSON and -w's wall times need them (the
  // default summary sums CPU time, which needs no clock).
  cfg.precise_time = o.timestamps || o.relative || o.durations || o.json || (o.summary && o.wall_time);
  // strace's summary shows system CPU time per call; -w asks for wall time, entry to exit.
  cfg.cpu_time = o.summary && !o.wall_time;
  cfg.filter_tgids = child.has_value() || !o.pids.empty();
  cfg.tgids = traced_processes(o, child ? child->pid() : 0);

  // Few traced syscalls: attach to their own tracepoints, so that every other syscall on the
  // machine runs no etrace code (ETRACE_ATTACH=raw keeps raw_syscalls for every case).
  cfg.per_syscall = per_syscall_tracepoints(cfg.plans, kf.others);
  cfg.exit_only = !cfg.per_syscall.empty() && exit_programs_suffice(cfg);
  cfg.trampolines = trampolines_wanted(cfg);
  // Calls begun before the trampolines: none but the go's read when the command alone is traced.
  cfg.early_calls = !cfg.trampolines || !o.pids.empty() || !child || !asleep_in_read(child->pid());
  std::unique_ptr<Session> session_owner;
  while (!session_owner) {
    try {
      session_owner = std::make_unique<Session>(cfg);
    } catch (const AttachModeUnavailable&) {
      if (cfg.per_syscall.empty()) throw;
      if (cfg.trampolines) {
        cfg.trampolines = false;  // the syscalls' tracepoints
      } else {
        cfg.per_syscall.clear();  // raw_syscalls
        cfg.exit_only = false;
      }
    }
  }
  Session& session = *session_owner;
  out_file.started();

  // Decoding and output.
  std::unique_ptr<ProcFs> procfs = make_real_procfs();
  FdResolverOptions fopts;
  fopts.level = std::max(decorate, 1);
  FdResolver fds(*procfs, fopts);
  PidTranslator pid_translator(*procfs, own_pidns_inode());
  ContainerNames containers(o.json ? cgroup2_root() : std::string());
  CommCache comms(&CommCache::read_proc);
  TextOptions topts;
  topts.pid_style = o.output.empty() ? TextOptions::PidStyle::Bracket : TextOptions::PidStyle::Column;
  topts.timestamps = o.timestamps;
  topts.relative = o.relative;
  topts.durations = o.durations;
  topts.numbers = o.numbers;
  topts.hex_strings = o.hex;
  topts.xlat = o.xlat_style == "raw"       ? TextOptions::Xlat::Raw
               : o.xlat_style == "verbose" ? TextOptions::Xlat::Verbose
                                           : TextOptions::Xlat::Abbrev;
  topts.column = o.column;
  topts.mono_to_real_ns = mono_to_real_offset();
  if (show_comm) topts.comm_of = [&](std::uint32_t tid) { return comms.comm(tid); };
  const Sinks::EmitterFactory make_emitter = [&](std::string& buf) -> std::unique_ptr<Emitter> {
    if (o.json) {
      JsonOptions jopts;
      jopts.container_of = [&](std::uint64_t cgroup_id) { return containers.id_of(cgroup_id); };
      return std::make_unique<JsonEmitter>(buf, std::move(jopts));
    }
    return std::make_unique<TextEmitter>(buf, topts);
  };
  std::unique_ptr<Sinks> sinks = per_thread_files ? std::make_unique<Sinks>(o.output, o.append, make_emitter)
                                                  : std::make_unique<Sinks>(out_file.fd(), out_file.name(), make_emitter);
  // strace's own messages go to stderr; when the trace does too, in line with it.
  auto message = [&](const std::string& text) {
    if (o.output.empty()) {
      sinks->emitter().close_open();  // a call's open line ends before the message
      sinks->buffer_for(0) += "etrace: " + text + "\n";
    }
    else Output::say("etrace: " + text + "\n");
  };

  PipelineOptions popt;
  popt.decode.opts.max_strlen = o.strsize;
  popt.decode.opts.hex_strings = o.hex;
  popt.decode.opts.verbose = o.verbose;
  popt.decode.opts.decorate_fds = decorate;
  popt.decode.fds = decorate ? &fds : nullptr;
  popt.decode.pids = pidns_translation ? &pid_translator : nullptr;
  popt.pid_on_every_line = pid_on_every_line(o);
  popt.never_show_pid = per_thread_files && !o.always_show_pid;
  popt.print_syscall.resize(kf.syscalls.size());
  for (std::size_t nr = 0; nr < kf.syscalls.size(); ++nr) popt.print_syscall[nr] = filter.trace.contains(nr);
  popt.print_calls = !summary_only;
  popt.print_signals = !summary_only;
  popt.print_exits = !summary_only && !(quiet & kQuietExit);
  popt.follow = o.follow > 0;
  popt.call_limit = o.syscall_limit;
  popt.status = filter.status;
  if (!filter.signals.is_all()) popt.signals = filter.signals;
  popt.abbrev = filter.abbrev;
  popt.raw = filter.raw;
  if (!filter.verbose.is_all()) popt.deref = filter.verbose;
  PipelineHooks hooks;
  if (need_fd_table) {
    if (child) fds.inherit_from_proc(static_cast<std::uint32_t>(child->pid()), static_cast<std::uint32_t>(getpid()));
    hooks.before_call = [&](const SyscallInfo* info, const SyscallCall& call) { fds.observe(info, call); };
    hooks.on_process_exit = [&](std::uint32_t tgid) { fds.on_exit(tgid); };
  }
  if (need_fd_table || show_comm)
    hooks.on_fork = [&](std::uint32_t parent, std::uint32_t kid) {
      if (need_fd_table) fds.on_fork(parent, kid);
      if (show_comm) comms.on_fork(parent, kid);
    };
  // -Y: an exited thread's name is dropped, so a later thread given the same id reads its own.
  if (show_comm) hooks.on_task_exit = [&](std::uint32_t tid) { comms.forget(tid); };
  hooks.siginfo_printer = [&](int, std::string_view siginfo, std::uint32_t pidns, Emitter& out) {
    DecodeContext ctx = popt.decode;
    ctx.pidns = pidns;
    decode_siginfo(siginfo, ctx, out);
  };
  hooks.after_call = [&](const SyscallInfo* info, const SyscallCall& call) {
    if (need_fd_table) fds.observe_after(info, call);
    if (show_comm) comms.after_call(info, call);
  };
  PathFilter path_filter(fds);
  for (const auto& p : trace_paths) path_filter.add(p);
  if (userspace_filters)
    hooks.keep_call = [&](const SyscallInfo* info, const SyscallCall& call) {
      return (path_filter.empty() || path_filter.matches(info, call)) &&
             fd_filter_matches(filter.trace_fds, info, call);
    };
  if (!filter.read_fds.is_none() || !filter.write_fds.is_none())
    hooks.after_line = [&](const SyscallInfo* info, const SyscallCall& call, const LineInfo& line) {
      auto t = info ? dump_target(info->name) : std::nullopt;
      if (!t || call.failed() || call.ret <= 0) return;
      const int fd = static_cast<int>(call.args[0]);
      if (!(t->is_read ? filter.read_fds : filter.write_fds).contains(fd)) return;
      const Payload* p = call.payload(t->buf_arg);
      if (!p || p->fault()) return;
      const std::size_t n = std::min<std::size_t>(p->bytes.size(), static_cast<std::size_t>(call.ret));
      const std::string_view moved = std::string_view(p->bytes).substr(0, n);
      sinks->buffer_for(line.tid) += o.json ? json_dump_line(line, info->name, fd, moved) : hex_dump(moved);
    };
  if (!(quiet & kQuietAttach))
    hooks.on_new_task = [&](std::uint32_t tid) { message(fmt::format("Process {} attached", tid)); };
  SummaryCounter counter;
  if (o.summary && !cfg.count_only)
    hooks.on_call_counted = [&](const SyscallInfo*, const SyscallCall& call) {
      if (!call.has_ret) return;  // strace counts at syscall exit: exit_group never gets there
      const std::uint64_t wall = call.exit_ts_ns > call.enter_ts_ns ? call.exit_ts_ns - call.enter_ts_ns : 0;
      counter.add(call.nr, call.failed(), o.wall_time ? wall : call.cpu_ns);
    };
  Pipeline pipeline(popt, sinks->emitter(), hooks);
  if (child) pipeline.add_task(static_cast<std::uint32_t>(child->pid()));
  // Until its execve the command is a copy of etrace, named so (strace -Y shows "<strace>" there).
  if (child && show_comm) comms.on_fork(static_cast<std::uint32_t>(getpid()), static_cast<std::uint32_t>(child->pid()));
  if (!(quiet & kQuietAttach))
    for (int pid : o.pids) {
      const int threads = thread_count(pid);
      message(threads > 1 ? fmt::format("Process {} attached with {} threads", pid, threads)
                          : fmt::format("Process {} attached", pid));
    }
  if (!child)
    // Without clocks a call's enter_ts is the thread's call number, counted from 1 by the
    // kernel: a call begun before attach, older than all of them, takes a number none will.
    for (const auto& call : calls_in_progress(*procfs, cfg.tgids, cfg.plans,
                                              cfg.precise_time ? monotonic_ns() : ~std::uint64_t{0}, process_memory))
      if (session.adopt_call(call)) pipeline.on_still_running(call);

  const int interruptible = o.interruptible ? o.interruptible : !o.output.empty() && child ? 3 : 2;
  if (child) g_command_pid = child->pid();
  g_hold_stop_signals = interruptible >= 3 && child;
  install_stop_handlers(interruptible);
  if (child) {
    session.skip_next_exit(static_cast<std::uint32_t>(child->pid()), SYS_read);  // its wait for the go
    child->release();
  }
  // The consumer before the traced programs by default: when they keep every CPU busy, a
  // consumer with a fair share falls behind and the ring buffer overflows. Ahead of them it slows
  // them down a little instead of losing their events. After the fork: the command keeps its
  // priority. --nice N (or ETRACE_NICE=N) sets another value; 0 leaves it alone.
  if (nice_value != 0 && setpriority(PRIO_PROCESS, 0, nice_value) != 0)
    message(fmt::format("cannot set etrace's priority to {}: {} (tracing goes on at the current one)", nice_value,
                        std::strerror(errno)));

  // ETRACE_DUMP_RECORDS=FILE (a developer knob): also save the raw records, after a header
  // naming their layout version, each as a 32-bit length and the bytes, for the
  // micro-benchmark to replay (bench/format_bench.cpp; format in include/etrace/event.h).
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> dump(nullptr, &std::fclose);
  if (const char* path = std::getenv("ETRACE_DUMP_RECORDS"); path && *path) {
    dump.reset(std::fopen(path, "wbe"));
    if (!dump) throw Fatal(fmt::format("cannot open '{}' named by ETRACE_DUMP_RECORDS: {}", printable(path), std::strerror(errno)));
    const std::uint32_t version = ETRACE_RECORD_ABI_VERSION;
    std::fwrite(ETRACE_RECORDS_MAGIC, 1, sizeof(ETRACE_RECORDS_MAGIC) - 1, dump.get());
    std::fwrite(&version, sizeof(version), 1, dump.get());
  }
  const Session::RecordFn feed = [&](std::span<const std::uint8_t> bytes) {
    if (dump) {
      const auto len = static_cast<std::uint32_t>(bytes.size());
      std::fwrite(&len, sizeof(len), 1, dump.get());
      std::fwrite(bytes.data(), 1, bytes.size(), dump.get());
    }
    pipeline.on_record(bytes);
    sinks->maybe_flush();
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
  std::uint64_t next_exit_check = 0;
  for (;;) {
    const int n = session.poll(20, feed);
    std::uint64_t now = monotonic_ns();
    // Whether the traced processes are gone: when idle, else every 50 ms. Asking the kernel's
    // tgid hash walks its empty buckets: a fifth of etrace's time under nginx when done per poll.
    if (n == 0 || now >= next_exit_check || g_stop_signal != 0) {
      next_exit_check = now + 50'000'000;
      // Every child is reaped, not only the command: a CLONE_PARENT child of the command (or
      // one etrace inherited) is etrace's too, and its parent may wait until it is gone.
      for (int st; ;) {
        const pid_t reaped = waitpid(-1, &st, WNOHANG);
        if (reaped <= 0) break;
        if (child && reaped == child->pid()) child_status = st;
        else if (o.follow == 0 && !(quiet & kQuietExit))
          message(fmt::format("Exit of unknown pid {} ignored", reaped));  // -f traced it
      }
      bool done = g_stop_signal != 0 || pipeline.limit_reached();
      if (child) done = done || (child_status && (o.follow == 0 || !session.any_tgid_left()));
      else if (!o.pids.empty()) done = done || !session.any_tgid_left();
      if (done) break;
    }
    // --syscall-limit: the last call is in; what the rings still hold comes after it.
    if (pipeline.limit_reached()) break;
    if (n == 0) sinks->flush();
    if (now >= next_scan) {
      session.settle_hooks();
      for (const auto& call : session.running_calls(now - 200'000'000)) pipeline.on_still_running(call);
      next_scan = now + 200'000'000;
    }
    if (now >= next_drop_check) {
      const std::uint64_t lost = lost_now();
      if (lost > lost_reported) {
        report_drops(lost - lost_reported, *sinks);
        lost_reported = lost;
      }
      next_drop_check = now + 1'000'000'000;
    }
  }
  // Stop producing before the last drain: busy threads would otherwise refill the ring as fast
  // as it empties, and a stop with SIGINT would never end.
  session.stop_tracing();
  const int stopped_by = g_stop_signal.load();
  if (stopped_by != 0) {
    // As strace: the command it started gets the signal that stopped it (when that is one of
    // strace's five); after any other the command goes on, untraced.
    if (child && !child_status && strace_stop_signal(stopped_by)) {
      kill(child->pid(), SIGCONT);
      kill(child->pid(), stopped_by);
    }
    // Output that a reader does not take within half a second is given up, and said.
    Output::stop_writes_by(static_cast<long long>(monotonic_ns()) + kStopGraceNs);
    sinks->flush();
  }
  // What is left in the ring, unless nothing of it could be shown: a reader that stopped
  // reading left the ring full, and decoding it all would only delay the stop.
  if (!(stopped_by != 0 && sinks->failed() && !o.summary)) session.flush(feed);
  // --syscall-limit: strace says so and detaches, and the command goes on untraced.
  const bool limit_reached = pipeline.limit_reached();
  const bool detached = stopped_by != 0 || limit_reached;
  // Stopped while a call runs: strace ends its line with " <detached ...>".
  if (detached) sinks->emitter().close_open_detached();
  if (limit_reached && !(quiet & kQuietAttach)) message("System call limit has been reached, detaching tracees");
  if (detached && !(quiet & kQuietAttach))
    for (int pid : o.pids)
      if (kill(pid, 0) == 0) message(fmt::format("Process {} detached", pid));
  if (o.summary) {
    std::vector<SyscallTotals> rows;
    if (cfg.count_only) {
      auto counts = session.counts();
      // The kernel also counts the relatives kept for the hint below: only the trace set is shown.
      for (std::size_t nr = 0; nr + 1 < counts.size(); ++nr)
        if (filter.trace.contains(static_cast<std::int64_t>(nr)))
          rows.push_back({static_cast<std::int64_t>(nr), counts[nr].calls, counts[nr].errors,
                          o.wall_time ? counts[nr].ns : counts[nr].cpu_ns});
    } else {
      rows = counter.totals();
    }
    const std::string table_text = format_summary(std::move(rows), sort, columns);
    if (per_thread_files) Output::say(table_text);
    else sinks->buffer_for(0) += table_text;
  }
  sinks->emitter().close_open();
  sinks->flush();
  if (Output::interrupted() && stopped_by == 0) {
    // A signal came while the last lines waited for a reader: they get a moment, no more.
    Output::stop_writes_by(static_cast<long long>(monotonic_ns()) + kStopGraceNs);
    sinks->flush();
  }
  if (!filter.named_syscalls.empty()) {
    std::vector<std::uint64_t> calls(ETRACE_MAX_SYSCALL_NR);
    const auto& seen = pipeline.counts();
    for (std::size_t nr = 0; nr < seen.size() && nr < calls.size(); ++nr) calls[nr] += seen[nr];
    const auto kernel_counts = session.counts();
    for (std::size_t nr = 0; nr < kernel_counts.size() && nr < calls.size(); ++nr) calls[nr] += kernel_counts[nr].calls;
    for (const auto& hint : unseen_syscall_hints(filter, calls, SyscallCatalog::from(SyscallTable::native())))
      Output::say(fmt::format("etrace: {}\n", printable(hint)));
  }
  const std::uint64_t lost = lost_now();
  if (lost > 0)
    Output::say(fmt::format("etrace: {} events lost in total (ring buffer full); raise --buffer-size\n", lost));
  if (const int sig = g_stop_signal.load()) {
    // Ended by a signal: etrace ends by it too, once everything is released (see main).
    g_reraise_signal = sig;
    return 128 + sig;
  }
  // After --syscall-limit strace exits 0 without waiting for the command, which runs on.
  if (limit_reached) return sinks->failed() ? 1 : 0;
  // A trace that could not be written is not a success, whatever the command's own status:
  // scripts that check etrace's exit must not take a truncated trace for a whole one.
  if (sinks->failed()) return 1;
  return child ? shell_status(*child_status) : 0;
}

}  // namespace etrace
