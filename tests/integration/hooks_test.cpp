// Which hooks a small trace set attaches, as the kernel reports etrace's BPF links in
// /proc/PID/fdinfo: the syscalls' own functions (fentry/fexit) where the kernel has BPF
// trampolines, their tracepoints (perf_event links) where it has not or ETRACE_ATTACH says so.
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "harness.h"

namespace etrace::it {
namespace {

// Whether the kernel loads and attaches an fexit program (a no-op on connect's function),
// asked here without etrace.
bool kernel_attaches_fexit() {
  btf* vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux) return false;
  const int id = btf__find_by_name_kind(vmlinux, "__x64_sys_connect", BTF_KIND_FUNC);
  btf__free(vmlinux);
  if (id < 0) return false;
  bpf_insn insns[2] = {};
  insns[0].code = BPF_ALU64 | BPF_MOV | BPF_K;  // r0 = 0
  insns[1].code = BPF_JMP | BPF_EXIT;
  LIBBPF_OPTS(bpf_prog_load_opts, opts);
  opts.expected_attach_type = BPF_TRACE_FEXIT;
  opts.attach_btf_id = static_cast<__u32>(id);
  const int prog = bpf_prog_load(BPF_PROG_TYPE_TRACING, "hooks_test", "GPL", insns, 2, &opts);
  if (prog < 0) return false;
  const int link = bpf_raw_tracepoint_open(nullptr, prog);
  if (link >= 0) close(link);
  close(prog);
  return link >= 0;
}

struct Hooks {
  int fentry = 0, fexit = 0;
  int tracepoints = 0;  // perf_event links, or perf events with a program (older kernels)
};

// The hooks process `pid` holds, from its file descriptors.
Hooks hooks_of(int pid) {
  constexpr int kFentry = 24, kFexit = 25;  // enum bpf_attach_type: BPF_TRACE_FENTRY, BPF_TRACE_FEXIT
  Hooks h;
  const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
  DIR* d = opendir(dir.c_str());
  if (!d) return h;
  while (dirent* e = readdir(d)) {
    char target[256] = {};
    if (readlink((dir + "/" + e->d_name).c_str(), target, sizeof(target) - 1) <= 0) continue;
    const std::string kind = target;
    if (kind == "anon_inode:[perf_event]") ++h.tracepoints;
    if (kind != "anon_inode:bpf_link") continue;
    const std::string info = read_file("/proc/" + std::to_string(pid) + "/fdinfo/" + e->d_name);
    std::smatch m;
    if (info.find("link_type:\tperf_event") != std::string::npos) ++h.tracepoints;
    if (info.find("link_type:\ttracing") == std::string::npos ||
        !std::regex_search(info, m, std::regex("attach_type:\\t(\\d+)")))
      continue;
    const int type = std::stoi(m[1]);
    h.fentry += type == kFentry;
    h.fexit += type == kFexit;
  }
  closedir(d);
  return h;
}

bool wait_for(const std::string& path, const std::regex& re, int timeout_ms = 60000) {
  for (int waited = 0; waited < timeout_ms; waited += 50) {
    if (std::regex_search(read_file(path), re)) return true;
    usleep(50 * 1000);
  }
  return false;
}

// /proc/PID/syscall starts with the number of the call the thread sleeps in.
bool wait_in_read(int pid) {
  for (int waited = 0; waited < 60000; waited += 20) {
    std::istringstream in(read_file("/proc/" + std::to_string(pid) + "/syscall"));
    std::string nr;
    if (in >> nr && nr == "0") return true;
    usleep(20 * 1000);
  }
  return false;
}

// Traces connect in a process that waits in read (untraced) when etrace attaches, then connects
// to a closed port; returns the hooks etrace held once settled (the last poll of up to 60 s).
Hooks trace_connect(const std::string& attach_mode, std::string& trace) {
  const std::string fifo = temp_path("hooks.fifo"), out = temp_path("hooks.txt"), err = temp_path("hooks.err");
  unlink(fifo.c_str());
  EXPECT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  Background target({"/usr/bin/python3", "-c",
                     "import os, socket, sys\n"
                     "os.read(os.open(sys.argv[1], os.O_RDWR), 1)\n"
                     "try:\n"
                     "    socket.socket().connect(('127.0.0.1', 1))\n"
                     "except OSError:\n"
                     "    pass\n",
                     fifo});
  EXPECT_TRUE(wait_in_read(target.pid()));
  Background tracer({"/usr/bin/env", "ETRACE_ATTACH=" + attach_mode, etrace_bin(), "-p", std::to_string(target.pid()),
                     "-e", "trace=connect", "-o", out},
                    "/dev/null", err);
  EXPECT_TRUE(wait_for(err, std::regex("attached"))) << read_file(err);
  // The exit tracepoints that cover calls begun before the trampolines go once none can be left.
  Hooks h;
  for (int waited = 0; waited < 60000; waited += 100) {
    h = hooks_of(tracer.pid());
    if ((h.fexit > 0 && h.tracepoints == 0) || (attach_mode == "tracepoints" && h.tracepoints > 0)) break;
    usleep(100 * 1000);
  }
  const int fd = open(fifo.c_str(), O_WRONLY);
  EXPECT_TRUE(fd >= 0 && write(fd, "x", 1) == 1);
  if (fd >= 0) close(fd);
  EXPECT_EQ(target.wait(60), 0);
  EXPECT_EQ(tracer.wait(60), 0);
  trace = read_file(out);
  for (const auto& p : {fifo, out, err}) unlink(p.c_str());
  return h;
}

TEST(Hooks, ASmallTraceSetHooksTheSyscallsOwnFunctionsWhereTheKernelHasTrampolines) {
  ETRACE_REQUIRE_ROOT();
  if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "needs /usr/bin/python3";
  if (!kernel_attaches_fexit())
    GTEST_SKIP() << "this kernel does not attach fexit programs (no BPF trampolines): etrace uses the syscalls' "
                    "tracepoints here";
  const std::regex line(R"(connect\(\d+, \{sa_family=AF_INET, sin_port=htons\(1\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) += -1 ECONNREFUSED)");
  std::string trace;
  // By default: exit programs only (connect's address is read at exit), on the function.
  Hooks h = trace_connect("", trace);
  EXPECT_GE(h.fexit, 1) << trace;
  EXPECT_EQ(h.fentry, 0);
  EXPECT_EQ(h.tracepoints, 0) << "the exit tracepoint must be gone once no call began before the trampoline";
  EXPECT_TRUE(std::regex_search(trace, line)) << trace;
  // Entry programs as well: fentry.
  h = trace_connect("pairs", trace);
  EXPECT_GE(h.fexit, 1) << trace;
  EXPECT_GE(h.fentry, 1) << trace;
  EXPECT_EQ(h.tracepoints, 0);
  EXPECT_TRUE(std::regex_search(trace, line)) << trace;
  // ETRACE_ATTACH=tracepoints keeps the syscall's tracepoint.
  h = trace_connect("tracepoints", trace);
  EXPECT_EQ(h.fexit, 0);
  EXPECT_GE(h.tracepoints, 1);
  EXPECT_TRUE(std::regex_search(trace, line)) << trace;
}

}  // namespace
}  // namespace etrace::it
