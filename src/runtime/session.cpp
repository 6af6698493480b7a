#include "runtime/session.h"

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <functional>

#include <fmt/format.h>

#include "app/fatal.h"
#include "app/kernel_features.h"
#include "app/load_failure.h"
#include "etrace.skel.h"
#include "event/record.h"
#include "event/ring_merger.h"
#include "event/ring_reader.h"
#include "proc/late_inputs.h"
#include "proc/pidns.h"
#include "runtime/kernel_probe.h"
#include "syscalls/capture_plan.h"

namespace etrace {

namespace {

std::string& libbpf_log() {
  static std::string log;
  return log;
}

int collect_libbpf_log(enum libbpf_print_level level, const char* fmt, va_list args) {
  if (level == LIBBPF_DEBUG && !std::getenv("ETRACE_DEBUG")) return 0;
  va_list again;
  va_copy(again, args);
  const int n = vsnprintf(nullptr, 0, fmt, again);
  va_end(again);
  if (n <= 0) return 0;
  std::string line(static_cast<std::size_t>(n) + 1, '\0');
  vsnprintf(line.data(), line.size(), fmt, args);
  line.pop_back();
  if (std::getenv("ETRACE_DEBUG")) std::fputs(line.c_str(), stderr);
  libbpf_log() += line;
  return 0;
}

std::string errno_text(int err) { return std::strerror(err < 0 ? -err : err); }

// -y projects ETRACE_CAP_FDINFO captures; the knob follows them, so that the verifier prunes
// the file-table reads whenever no plan asks for one.
bool plans_want_fd_info(const std::vector<etrace_syscall_plan>& plans) {
  for (const auto& p : plans)
    for (unsigned i = 0; i < p.ncaptures && i < ETRACE_MAX_CAPTURES; ++i)
      if (p.captures[i].type == ETRACE_CAP_FDINFO) return true;
  return false;
}

// A command name as the kernel keeps task->comm: at most 15 bytes, NUL-padded to 16.
std::array<char, ETRACE_COMM_LEN> comm_key(const std::string& name) {
  std::array<char, ETRACE_COMM_LEN> key{};
  std::memcpy(key.data(), name.data(), std::min(name.size(), key.size() - 1));
  return key;
}

}  // namespace

struct Session::Impl {
  etrace_bpf* skel = nullptr;
  // One ring buffer per CPU (bpf/maps.bpf.h), each mapped as RingReader expects: the consumer
  // page, and the producer page with the data pages mapped twice.
  struct Ring {
    int fd = -1;
    void* consumer_page = nullptr;
    void* producer_area = nullptr;
  };
  std::vector<Ring> rings;
  std::size_t page_size = 0;
  std::size_t ring_size = 0;
  int epoll_fd = -1;
  RingMerger merger;
  bpf_link* iter_link = nullptr;
  std::vector<bpf_link*> per_syscall_links;  // syscalls/sys_enter_NAME and sys_exit_NAME, trampolines
  // With trampolines: the exit tracepoints, until no thread can be inside a call begun before
  // the trampolines (settle_hooks), and the iterator that tells.
  std::vector<bpf_link*> early_links;
  bpf_link* early_iter = nullptr;
  int cgroup_fd = -1;
  std::vector<etrace_syscall_plan> plans;
  bool exit_only = false;
  bool skip_go_read = true;  // false: the command's wait for the go never passes a hook
  std::uint64_t hold_since_ns = 0;  // when the merge began waiting for a missing record (0: not)

  bool create_inflight(const etrace_inflight& st);
  // Traced threads that may be inside a call begun before the trampolines (an upper bound; at
  // least 1 when the kernel cannot tell).
  std::size_t early_calls();
  void drop_early_links() {
    for (bpf_link* l : early_links) bpf_link__destroy(l);
    early_links.clear();
    if (early_iter) bpf_link__destroy(early_iter);
    early_iter = nullptr;
  }

  // Creates `count` rings of `size` bytes (page_size already set), puts them in the `events`
  // map of maps, maps them and waits on all of them through one epoll set.
  void make_rings(int outer_fd, std::size_t count, std::size_t size) {
    ring_size = size;
    epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd < 0) throw Fatal("cannot wait on the ring buffers: " + errno_text(errno));
    std::vector<RingReader> readers;
    for (std::uint32_t cpu = 0; cpu < count; ++cpu) {
      Ring& r = rings.emplace_back();
      r.fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "etrace_ring", 0, 0, static_cast<__u32>(size), nullptr);
      if (r.fd < 0)
        throw Fatal("cannot create the ring buffers: " + errno_text(errno) + " (try a smaller --buffer-size)");
      if (bpf_map_update_elem(outer_fd, &cpu, &r.fd, BPF_ANY))
        throw Fatal("cannot install the ring buffers: " + errno_text(errno));
      r.consumer_page = mmap(nullptr, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, r.fd, 0);
      if (r.consumer_page == MAP_FAILED) {
        r.consumer_page = nullptr;
        throw Fatal("cannot map the ring buffer: " + errno_text(errno));
      }
      r.producer_area = mmap(nullptr, page_size + 2 * size, PROT_READ, MAP_SHARED, r.fd, static_cast<off_t>(page_size));
      if (r.producer_area == MAP_FAILED) {
        r.producer_area = nullptr;
        throw Fatal("cannot map the ring buffer: " + errno_text(errno) + " (try a smaller --buffer-size)");
      }
      epoll_event ev{};
      ev.events = EPOLLIN;
      if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, r.fd, &ev) < 0)
        throw Fatal("cannot wait on the ring buffers: " + errno_text(errno));
      const auto* prod = static_cast<const std::uint8_t*>(r.producer_area);
      readers.emplace_back(static_cast<std::uint64_t*>(r.consumer_page), reinterpret_cast<const std::uint64_t*>(prod),
                           prod + page_size, size);
    }
    merger = RingMerger(std::move(readers), reinterpret_cast<const std::uint64_t*>(&skel->bss->orders_unused));
  }

  ~Impl() {
    if (epoll_fd >= 0) close(epoll_fd);
    for (const Ring& r : rings) {
      if (r.producer_area) munmap(r.producer_area, page_size + 2 * ring_size);
      if (r.consumer_page) munmap(r.consumer_page, page_size);
      if (r.fd >= 0) close(r.fd);
    }
    if (iter_link) bpf_link__destroy(iter_link);
    drop_early_links();
    for (bpf_link* l : per_syscall_links) bpf_link__destroy(l);
    if (skel) etrace_bpf__destroy(skel);
    if (cgroup_fd >= 0) close(cgroup_fd);
  }
};

Session::Session(const SessionConfig& cfg) : impl_(std::make_unique<Impl>()) {
  libbpf_set_print(collect_libbpf_log);
  libbpf_log().clear();  // a load that failed before (a fallback's first try) says nothing of this one
  auto& skel = impl_->skel;
  LIBBPF_OPTS(bpf_object_open_opts, open_opts);
  const char* custom_btf = std::getenv("ETRACE_BTF");
  if (custom_btf && *custom_btf) open_opts.btf_custom_path = custom_btf;
  skel = etrace_bpf__open_opts(&open_opts);
  if (!skel) throw Fatal("cannot open the BPF object: " + errno_text(errno));
  if (skel->rodata->record_abi_version != ETRACE_RECORD_ABI_VERSION)
    throw Fatal(fmt::format("the BPF programs write records of layout version {}, this etrace reads version {}: "
                            "rebuild etrace from one source tree",
                            skel->rodata->record_abi_version, ETRACE_RECORD_ABI_VERSION));

  skel->rodata->self_tgid = static_cast<__u32>(getpid());
  // Inside a pid namespace getpid() is not the tgid the kernel's tracepoints see: the program
  // tells etrace by its namespace and its tgid there instead.
  if (std::uint32_t ns = own_pidns_inode(); ns && ns != kInitialPidnsInode) {
    skel->rodata->self_pidns_ino = ns;
    skel->rodata->self_ns_tgid = static_cast<__u32>(getpid());
  }
  skel->rodata->task_ids = cfg.task_ids;
  skel->rodata->filter_tgids = cfg.filter_tgids;
  skel->rodata->filter_comms = !cfg.comms.empty();
  // A few names are compared in the program itself (rodata); more go through the hash map.
  constexpr std::size_t inline_comms = sizeof(skel->rodata->inline_comms) / sizeof(skel->rodata->inline_comms[0]);
  if (cfg.comms.size() <= inline_comms) {
    skel->rodata->inline_comm_count = static_cast<__u32>(cfg.comms.size());
    for (std::size_t i = 0; i < cfg.comms.size(); ++i) {
      char name[ETRACE_COMM_LEN] = {};  // the kernel keeps task->comm NUL-padded
      std::strncpy(name, cfg.comms[i].c_str(), sizeof(name) - 1);
      std::memcpy(const_cast<__u64*>(skel->rodata->inline_comms[i]), name, sizeof(name));
    }
  }
  skel->rodata->exclude_comms = !cfg.exclude_comms.empty();
  if (cfg.exclude_comms.size() <= inline_comms) {
    skel->rodata->inline_excluded_count = static_cast<__u32>(cfg.exclude_comms.size());
    for (std::size_t i = 0; i < cfg.exclude_comms.size(); ++i)
      std::memcpy(const_cast<__u64*>(skel->rodata->inline_excluded[i]), comm_key(cfg.exclude_comms[i]).data(),
                  ETRACE_COMM_LEN);
  }
  skel->rodata->exclude_tgids = !cfg.exclude_tgids.empty();
  skel->rodata->filter_cgroup = !cfg.cgroup_path.empty();
  skel->rodata->follow_forks = cfg.follow_forks;
  skel->rodata->status_mask = cfg.status_mask;
  skel->rodata->count_only = cfg.count_only;
  skel->rodata->precise_time = cfg.precise_time;
  skel->rodata->cpu_time = cfg.cpu_time;
  skel->rodata->rate_limit = cfg.rate_limit;
  if (!cfg.rate_limit) bpf_map__set_max_entries(skel->maps.rate_windows, 64);  // unused: little memory for it
  impl_->exit_only = cfg.exit_only && !cfg.per_syscall.empty();
  skel->rodata->exit_only = impl_->exit_only;
  // --buffer-size is shared out between the per-CPU rings (powers of two, at least a page each).
  // ETRACE_RINGS=shared: one ring for all CPUs, as before per-CPU rings (a developer knob).
  const char* rings_env = std::getenv("ETRACE_RINGS");
  const bool shared_ring = rings_env && std::string_view(rings_env) == "shared";
  skel->rodata->percpu_rings = !shared_ring;
  const auto cpus = shared_ring ? std::size_t{1} : static_cast<std::size_t>(std::max(1, libbpf_num_possible_cpus()));
  impl_->page_size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t ring_size = std::max<std::size_t>(impl_->page_size, std::bit_floor(cfg.buffer_size / cpus));
  // Each CPU wakes the consumer after filling an eighth of its ring.
  skel->rodata->wakeup_bytes = ring_size / 8;
  skel->rodata->fd_info = plans_want_fd_info(cfg.plans);
  if (int err = bpf_map__set_max_entries(skel->maps.events, static_cast<__u32>(cpus)))
    throw Fatal("cannot size the ring buffer map: " + errno_text(err));

  // One attach mode or the other; the verifier only sees the programs that will run.
  const bool per_syscall = !cfg.per_syscall.empty();
  const bool trampolines = per_syscall && cfg.trampolines;
  const bool exit_tracepoints = per_syscall && (!trampolines || cfg.early_calls);
  impl_->skip_go_read = !trampolines || cfg.early_calls;
  bpf_program__set_autoload(skel->progs.etrace_sys_enter, !per_syscall);
  bpf_program__set_autoload(skel->progs.etrace_sys_exit, !per_syscall);
  bpf_program__set_autoload(skel->progs.etrace_tp_enter, per_syscall && !cfg.exit_only && !trampolines);
  bpf_program__set_autoload(skel->progs.etrace_tp_exit, exit_tracepoints);
  bpf_program__set_autoattach(skel->progs.etrace_tp_enter, false);
  bpf_program__set_autoattach(skel->progs.etrace_tp_exit, false);
  // Trampolines: a copy of each program per traced syscall, aimed at the syscall's function.
  skel->rodata->trampolines = trampolines;
  bpf_program* const fexits[] = {skel->progs.etrace_fexit0, skel->progs.etrace_fexit1, skel->progs.etrace_fexit2,
                                 skel->progs.etrace_fexit3, skel->progs.etrace_fexit4, skel->progs.etrace_fexit5,
                                 skel->progs.etrace_fexit6, skel->progs.etrace_fexit7};
  bpf_program* const fentries[] = {skel->progs.etrace_fentry0, skel->progs.etrace_fentry1, skel->progs.etrace_fentry2,
                                   skel->progs.etrace_fentry3, skel->progs.etrace_fentry4, skel->progs.etrace_fentry5,
                                   skel->progs.etrace_fentry6, skel->progs.etrace_fentry7};
  if (trampolines && cfg.per_syscall.size() > std::size(fexits))
    throw AttachModeUnavailable("more syscalls than trampoline programs");
  for (std::size_t i = 0; i < std::size(fexits); ++i) {
    const bool used = trampolines && i < cfg.per_syscall.size();
    const std::string function = used ? "__x64_sys_" + cfg.per_syscall[i] : "";
    for (bpf_program* p : {fexits[i], fentries[i]}) {
      const bool load = used && (p == fexits[i] || !cfg.exit_only);
      bpf_program__set_autoload(p, load);
      bpf_program__set_autoattach(p, false);
      if (load && bpf_program__set_attach_target(p, 0, function.c_str()))
        throw AttachModeUnavailable("no function " + function);
    }
  }
  bpf_program__set_autoload(skel->progs.etrace_early_calls, trampolines && exit_tracepoints);
  bpf_program__set_autoattach(skel->progs.etrace_early_calls, false);
  if (int err = etrace_bpf__load(skel)) {
    utsname u{};
    uname(&u);
    if (const KernelFeature* missing = first_missing_feature(kernel_btf_has(custom_btf)))
      throw Fatal(missing_feature_message(*missing, u.release, custom_btf ? custom_btf : ""));
    const LoadFailure failure = parse_load_failure(libbpf_log());
    const bool full_log_shown = std::getenv("ETRACE_DEBUG") != nullptr;
    const std::string why = load_failure_message(err, failure, u.release, has_bpf_capabilities(), full_log_shown);
    if (per_syscall) throw AttachModeUnavailable(why);
    // The verifier's last lines as they are (many lines), then the one-line error, escaped as all are.
    std::fputs(verifier_log_tail(failure, full_log_shown).c_str(), stderr);
    throw Fatal(why);
  }

  // The rings go in before anything attaches: a record with no ring would count as lost.
  impl_->make_rings(bpf_map__fd(skel->maps.events), cpus, ring_size);
  impl_->plans = cfg.plans;
  const int plans_fd = bpf_map__fd(skel->maps.syscall_plans);
  for (std::uint32_t nr = 0; nr < cfg.plans.size() && nr < ETRACE_MAX_SYSCALL_NR; ++nr)
    if (bpf_map_update_elem(plans_fd, &nr, &cfg.plans[nr], BPF_ANY))
      throw Fatal("cannot write the syscall plans: " + errno_text(errno));
  for (auto tgid : cfg.tgids) add_tgid(tgid);
  for (const auto& comm : cfg.comms) {
    char key[ETRACE_COMM_LEN] = {};
    std::strncpy(key, comm.c_str(), sizeof(key) - 1);
    std::uint8_t one = 1;
    bpf_map_update_elem(bpf_map__fd(skel->maps.traced_comms), key, &one, BPF_ANY);
  }
  std::uint8_t one = 1;
  for (const auto& comm : cfg.exclude_comms)
    if (bpf_map_update_elem(bpf_map__fd(skel->maps.excluded_comms), comm_key(comm).data(), &one, BPF_ANY))
      throw Fatal("cannot exclude command name '" + comm + "': " + errno_text(errno) + " (give at most 64 names)");
  for (auto tgid : cfg.exclude_tgids)
    if (bpf_map_update_elem(bpf_map__fd(skel->maps.excluded_tgids), &tgid, &one, BPF_ANY))
      throw Fatal("cannot exclude pid " + std::to_string(tgid) + ": " + errno_text(errno) + " (give at most 1024 pids)");
  if (!cfg.cgroup_path.empty()) {
    struct statfs fs;
    if (statfs(cfg.cgroup_path.c_str(), &fs) == 0 && fs.f_type != CGROUP2_SUPER_MAGIC)
      throw Fatal("'" + cfg.cgroup_path + "' is not a cgroup v2 directory (give one under the cgroup2 mount: "
                  "see `mount -t cgroup2`)");
    impl_->cgroup_fd = open(cfg.cgroup_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (impl_->cgroup_fd < 0)
      throw Fatal("cannot open cgroup '" + cfg.cgroup_path + "': " + errno_text(errno) +
                  " (give a directory under /sys/fs/cgroup)");
    std::uint32_t zero = 0;
    if (bpf_map_update_elem(bpf_map__fd(skel->maps.traced_cgroup), &zero, &impl_->cgroup_fd, BPF_ANY))
      throw Fatal("cannot use cgroup '" + cfg.cgroup_path + "': " + errno_text(errno) + " (cgroup v2 needed)");
  }

  // The iterator is attached on demand by running_calls().
  bpf_program__set_autoattach(skel->progs.etrace_dump_inflight, false);
  if (int err = etrace_bpf__attach(skel))
    throw Fatal("cannot attach to the syscall tracepoints: " + errno_text(err));

  const bool exit_only = cfg.exit_only || trampolines;  // which tracepoints
  for (const auto& name : exit_tracepoints ? cfg.per_syscall : std::vector<std::string>{}) {
    bpf_link* enter = exit_only ? nullptr
                                : bpf_program__attach_tracepoint(skel->progs.etrace_tp_enter, "syscalls",
                                                                 ("sys_enter_" + name).c_str());
    bpf_link* exit = enter || exit_only ? bpf_program__attach_tracepoint(skel->progs.etrace_tp_exit, "syscalls",
                                                                         ("sys_exit_" + name).c_str())
                                        : nullptr;
    if (enter) impl_->per_syscall_links.push_back(enter);
    if (exit) (trampolines ? impl_->early_links : impl_->per_syscall_links).push_back(exit);
    if ((!enter && !exit_only) || !exit)
      throw AttachModeUnavailable("no tracepoint for " + name + ": " + errno_text(errno));
  }
  if (!trampolines) return;

  // After the exit tracepoints, so that every call finds one hook or the other; each function's
  // fexit before its fentry, so that a call that passed an fentry also passes its fexit.
  for (std::size_t i = 0; i < cfg.per_syscall.size(); ++i)
    for (bpf_program* p : {fexits[i], fentries[i]}) {
      if (p == fentries[i] && cfg.exit_only) continue;
      bpf_link* link = bpf_program__attach_trace(p);
      if (!link)
        throw AttachModeUnavailable("cannot hook __x64_sys_" + cfg.per_syscall[i] + ": " + errno_text(errno));
      impl_->per_syscall_links.push_back(link);
    }
  skel->bss->hooks_attached = true;
  if (std::getenv("ETRACE_DEBUG"))
    std::fprintf(stderr, "etrace: %s on %zu syscalls' functions%s\n", cfg.exit_only ? "fexit" : "fentry and fexit",
                 cfg.per_syscall.size(), exit_tracepoints ? ", and their exit tracepoints for now" : "");
  if (!exit_tracepoints) return;
  impl_->early_calls();  // marks the threads to wait for
  skel->bss->early_scan_done = true;
  settle_hooks();
}

std::size_t Session::Impl::early_calls() {
  if (!early_iter) early_iter = bpf_program__attach_iter(skel->progs.etrace_early_calls, nullptr);
  const int fd = early_iter ? bpf_iter_create(bpf_link__fd(early_iter)) : -1;
  if (fd < 0) return 1;
  std::size_t bytes = 0;
  char chunk[4096];
  for (ssize_t n; (n = read(fd, chunk, sizeof(chunk))) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      bytes = 1;
      break;
    }
    bytes += static_cast<std::size_t>(n);
  }
  close(fd);
  return bytes / sizeof(std::uint32_t) + (bytes % sizeof(std::uint32_t) != 0);
}

void Session::settle_hooks() {
  if (impl_->early_links.empty() || impl_->early_calls() != 0) return;
  impl_->drop_early_links();
  if (std::getenv("ETRACE_DEBUG")) std::fputs("etrace: exit tracepoints detached\n", stderr);
}

bool kernel_has_trampolines(const std::vector<std::string>& syscalls) {
  const char* custom_btf = std::getenv("ETRACE_BTF");
  if (syscalls.empty() || (custom_btf && *custom_btf)) return false;  // no BTF of its own: no trampolines
  btf* vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux) return false;
  // Functions without arguments (SYSCALL_DEFINE0: getpid, fork, ...) have no BTF, so no trampoline.
  int id = 0;  // the first function's
  for (const auto& name : syscalls) {
    const int fn = btf__find_by_name_kind(vmlinux, ("__x64_sys_" + name).c_str(), BTF_KIND_FUNC);
    if (fn <= 0) {
      id = -1;
      break;
    }
    if (id == 0) id = fn;
  }
  btf__free(vmlinux);
  if (id <= 0) return false;
  const bpf_insn insns[] = {
      {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .src_reg = 0, .off = 0, .imm = 0},
      {.code = BPF_JMP | BPF_EXIT, .dst_reg = 0, .src_reg = 0, .off = 0, .imm = 0},
  };
  LIBBPF_OPTS(bpf_prog_load_opts, opts);
  opts.expected_attach_type = BPF_TRACE_FEXIT;
  opts.attach_btf_id = static_cast<__u32>(id);
  // Loaded, not attached: each attach patches the kernel's text, slow where the CPU is emulated.
  // A kernel that loads the program but cannot attach it is caught at attach (AttachModeUnavailable).
  const int prog = bpf_prog_load(BPF_PROG_TYPE_TRACING, "etrace_probe", "GPL", insns, std::size(insns), &opts);
  if (prog < 0) return false;
  close(prog);
  return true;
}

Session::~Session() = default;

void Session::stop_tracing() {
  for (bpf_link* l : impl_->per_syscall_links) bpf_link__destroy(l);
  impl_->per_syscall_links.clear();
  impl_->drop_early_links();
  etrace_bpf__detach(impl_->skel);
}

int Session::poll(int timeout_ms, const RecordFn& fn) {
  auto& merger = impl_->merger;
  // A full ring holds millions of records: the caller gets control back after a batch, so a
  // stop signal is acted on within one batch's decoding, not after the whole ring's.
  constexpr std::size_t kBatch = 8192;
  constexpr std::uint64_t kGapWaitNs = 250'000'000;
  const auto monotonic_now_ns = [] {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(ts.tv_nsec);
  };
  std::size_t n = merger.drain(fn, false, kBatch);
  // A record waits for a predecessor that may still be on its way to another CPU's ring (see
  // RingMerger): that takes nanoseconds, or a scheduler's time slice when the BPF program that
  // numbered it was preempted. So nap briefly, and take the number as lost only when the wait
  // has lasted kGapWaitNs (counted across calls; a record the kernel dropped never waits).
  if (n > 0 || !merger.holding()) impl_->hold_since_ns = 0;
  for (int naps = 0; n == 0 && merger.holding() && naps < 50; ++naps) {
    const std::uint64_t now = monotonic_now_ns();
    if (impl_->hold_since_ns == 0) impl_->hold_since_ns = now;
    const bool give_up = now - impl_->hold_since_ns >= kGapWaitNs;
    if (!give_up) {
      const timespec nap{0, 20'000};
      nanosleep(&nap, nullptr);
    }
    n = merger.drain(fn, give_up, kBatch);
    if (n > 0 || !merger.holding()) impl_->hold_since_ns = 0;
  }
  if (n == 0) {
    // Records are submitted without wake-ups until enough pile up (etrace.bpf.c), so after the
    // wait, woken or timed out, take whatever is there. Publishing first matters: the kernel
    // reports a ring readable while its consumer position trails.
    merger.publish();
    epoll_event ev[8];
    if (epoll_wait(impl_->epoll_fd, ev, 8, timeout_ms) < 0 && errno != EINTR)
      throw Fatal("waiting on the ring buffer failed: " + errno_text(errno));
    n = merger.drain(fn, false, kBatch);
  }
  if (n == 0 && !merger.holding()) {
    merger.publish();
    drain_lost_tails(fn);
  }
  return static_cast<int>(n);
}

std::size_t Session::flush(const RecordFn& fn) {
  const std::size_t n = impl_->merger.drain(fn, true);
  impl_->merger.publish();
  drain_lost_tails(fn);
  const int fd = bpf_map__fd(impl_->skel->maps.rate_windows);
  std::uint32_t key, next;
  for (bool more = bpf_map_get_next_key(fd, nullptr, &key) == 0; more; key = next) {
    more = bpf_map_get_next_key(fd, &key, &next) == 0;
    etrace_rate_window w;
    if (bpf_map_lookup_elem(fd, &key, &w) != 0 || w.over == 0) continue;
    etrace_rate_record r{};
    r.hdr.kind = ETRACE_REC_RATE_LIMITED;
    r.hdr.size = sizeof(r);
    r.hdr.tgid = r.hdr.tid = key;
    r.calls = w.over;
    fn(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(&r), sizeof(r)));
  }
  return n;
}

void Session::drain_lost_tails(const RecordFn& fn) {
  const int fd = bpf_map__fd(impl_->skel->maps.lost_tails);
  std::uint32_t key;
  etrace_task_exit_record rec;
  // Deleting while iterating restarts from the first key each time: the map is small.
  while (bpf_map_get_next_key(fd, nullptr, &key) == 0) {
    if (bpf_map_lookup_elem(fd, &key, &rec) == 0)
      fn(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(&rec), sizeof(rec)));
    bpf_map_delete_elem(fd, &key);
  }
}

void Session::add_tgid(std::uint32_t tgid) {
  std::uint8_t one = 1;
  if (bpf_map_update_elem(bpf_map__fd(impl_->skel->maps.traced_tgids), &tgid, &one, BPF_ANY))
    throw Fatal("cannot add pid " + std::to_string(tgid) + " to the traced set: " + errno_text(errno));
}

bool Session::any_tgid_left() {
  std::uint32_t key;
  return bpf_map_get_next_key(bpf_map__fd(impl_->skel->maps.traced_tgids), nullptr, &key) == 0;
}

std::vector<std::uint64_t> Session::drops() {
  const int ncpu = libbpf_num_possible_cpus();
  std::vector<std::uint64_t> out(ETRACE_DROP_NR, 0);
  std::vector<std::uint64_t> per_cpu(static_cast<std::size_t>(ncpu > 0 ? ncpu : 1));
  for (std::uint32_t r = 0; r < ETRACE_DROP_NR; ++r) {
    if (bpf_map_lookup_elem(bpf_map__fd(impl_->skel->maps.drops), &r, per_cpu.data())) continue;
    for (auto v : per_cpu) out[r] += v;
  }
  return out;
}

std::vector<etrace_count> Session::counts() {
  const int ncpu = libbpf_num_possible_cpus();
  std::vector<etrace_count> out(ETRACE_MAX_SYSCALL_NR);
  std::vector<etrace_count> per_cpu(static_cast<std::size_t>(ncpu > 0 ? ncpu : 1));
  for (std::uint32_t nr = 0; nr < ETRACE_MAX_SYSCALL_NR; ++nr) {
    if (bpf_map_lookup_elem(bpf_map__fd(impl_->skel->maps.counts), &nr, per_cpu.data())) continue;
    for (const auto& c : per_cpu) {
      out[nr].calls += c.calls;
      out[nr].errors += c.errors;
      out[nr].ns += c.ns;
      out[nr].cpu_ns += c.cpu_ns;
    }
  }
  return out;
}

// Gives thread `st.tid` this in-flight state, unless it has state already: then the thread made
// a call since, and its own state is newer than ours (BPF_NOEXIST).
bool Session::Impl::create_inflight(const etrace_inflight& st) {
  // A process's pidfd names its leader; other threads need PIDFD_THREAD (Linux 6.9).
  constexpr unsigned kPidfdThread = O_EXCL;
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, st.tid, st.tid == st.tgid ? 0u : kPidfdThread));
  if (pidfd < 0) return false;
  const bool ok = bpf_map_update_elem(bpf_map__fd(skel->maps.inflight), &pidfd, &st, BPF_NOEXIST) == 0;
  close(pidfd);
  return ok;
}

void Session::skip_next_exit(std::uint32_t tid, std::int64_t nr) {
  if (!impl_->exit_only || !impl_->skip_go_read) return;
  etrace_inflight st{};
  st.tid = tid;
  st.tgid = tid;
  st.nr = nr;
  st.skip_exit = 1;
  impl_->create_inflight(st);
}

bool Session::adopt_call(const SyscallCall& call) {
  etrace_inflight st{};
  st.tid = call.tid;
  st.tgid = call.tgid;
  st.nr = call.nr;
  for (int i = 0; i < 6; ++i) st.args[i] = call.args[i];
  st.enter_ts = call.enter_ts_ns;
  st.enter_runtime = call.cpu_ns;
  st.active = 1;
  return impl_->create_inflight(st);
}

std::vector<SyscallCall> Session::running_calls(std::uint64_t older_than_ns) {
  std::vector<SyscallCall> out;
  if (!impl_->iter_link) {
    impl_->iter_link = bpf_program__attach_iter(impl_->skel->progs.etrace_dump_inflight, nullptr);
    if (!impl_->iter_link) return out;  // no iterator support: calls show when they finish
  }
  const int fd = bpf_iter_create(bpf_link__fd(impl_->iter_link));
  if (fd < 0) return out;
  std::string bytes;
  char chunk[65536];
  for (;;) {
    const ssize_t n = read(fd, chunk, sizeof(chunk));
    if (n <= 0) break;
    bytes.append(chunk, static_cast<std::size_t>(n));
  }
  close(fd);
  etrace_inflight st;
  for (std::size_t off = 0; off + sizeof(st) <= bytes.size(); off += sizeof(st)) {
    std::memcpy(&st, bytes.data() + off, sizeof(st));
    (void)older_than_ns;  // the iterator reports calls it found running in two scans in a row
    if (!st.active) continue;
    SyscallCall c;
    c.tid = st.tid;
    c.tgid = st.tgid;
    c.nr = st.nr;
    for (int i = 0; i < 6; ++i) c.args[i] = st.args[i];
    c.has_ret = false;
    c.enter_ts_ns = st.enter_ts;
    const std::size_t len = std::min<std::size_t>(st.inline_len, sizeof(st.inline_buf));
    parse_payloads({st.inline_buf, len}, st.inline_count, c.payloads);
    if (!impl_->plans.empty()) {
      const etrace_syscall_plan& plan = plan_of(impl_->plans, st.nr);
      if (plan.flags & ETRACE_PLAN_INPUTS_AT_EXIT) c.payloads = read_late_inputs(plan, c, process_memory(st.tid));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace etrace
