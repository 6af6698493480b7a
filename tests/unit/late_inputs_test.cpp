#include "proc/late_inputs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <map>

#include "syscalls/capture_plan.h"
#include "unit/fake_procfs.h"

namespace etrace {
namespace {

// Memory as a map from address to bytes; reads stop where a region ends, as at an unmapped page.
struct FakeMemory {
  std::map<std::uint64_t, std::string> regions;
  std::string read(std::uint64_t addr, std::size_t len) const {
    for (const auto& [base, bytes] : regions)
      if (addr >= base && addr < base + bytes.size()) return bytes.substr(addr - base, len);
    return {};
  }
};

etrace_syscall_plan plan_of(std::initializer_list<etrace_capture> caps) {
  etrace_syscall_plan p{};
  p.flags = ETRACE_PLAN_ENABLED | ETRACE_PLAN_INPUTS_AT_EXIT;
  for (const auto& c : caps) p.captures[p.ncaptures++] = c;
  return p;
}

std::vector<Payload> run(const etrace_syscall_plan& plan, std::array<std::uint64_t, 6> args, const FakeMemory& mem) {
  SyscallCall call;
  call.args = args;
  return read_late_inputs(plan, call, [&](std::uint64_t a, std::size_t n) { return mem.read(a, n); });
}

TEST(LateInputs, StringsStopAtTheirNulAndAreTruncatedAsTheKernelSideDoes) {
  FakeMemory mem;
  mem.regions[0x1000] = std::string("/etc/passwd\0junk", 16);
  mem.regions[0x2000] = std::string(100, 'a');
  auto plan = plan_of({{0, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, 34, 0}});
  auto p = run(plan, {0x1000}, mem);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].type, ETRACE_PL_STRING);
  EXPECT_EQ(p[0].bytes, "/etc/passwd");
  EXPECT_EQ(p[0].flags, 0);
  p = run(plan, {0x2000}, mem);
  EXPECT_EQ(p[0].bytes, std::string(33, 'a'));
  EXPECT_TRUE(p[0].truncated());
  p = run(plan, {0x9000}, mem);
  EXPECT_TRUE(p[0].fault());
}

// A path of 4095 bytes fills a 4096-byte capture with its NUL: whole, not cut.
TEST(LateInputs, AStringThatJustFitsIsWhole) {
  FakeMemory mem;
  mem.regions[0x1000] = std::string(33, 'a') + std::string("\0", 1);
  mem.regions[0x2000] = std::string(34, 'b') + std::string("\0", 1);
  auto plan = plan_of({{0, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, 34, 0}});
  auto p = run(plan, {0x1000}, mem);
  EXPECT_EQ(p[0].bytes, std::string(33, 'a'));
  EXPECT_FALSE(p[0].truncated());
  p = run(plan, {0x2000}, mem);
  EXPECT_EQ(p[0].bytes, std::string(33, 'b'));
  EXPECT_TRUE(p[0].truncated());
}

TEST(LateInputs, BuffersFollowTheirLengthArgumentAndFixedStructsTheirSize) {
  FakeMemory mem;
  mem.regions[0x1000] = std::string(100, 'x');
  auto plan = plan_of({{1, ETRACE_CAP_BUF_ARG, ETRACE_AT_ENTER, 2, 32, 0},
                       {3, ETRACE_CAP_FIXED, ETRACE_AT_ENTER, 0, 16, 0},
                       {4, ETRACE_CAP_BUF_RET, ETRACE_AT_EXIT, 0, 32, 0}});
  auto p = run(plan, {1, 0x1000, 100, 0x1010, 0x1000}, mem);
  ASSERT_EQ(p.size(), 2u) << "outputs are not read while the call runs";
  EXPECT_EQ(p[0].arg, 1);
  EXPECT_EQ(p[0].bytes, std::string(32, 'x'));
  EXPECT_EQ(p[0].aux, 100u);
  EXPECT_TRUE(p[0].truncated());
  EXPECT_EQ(p[1].arg, 3);
  EXPECT_EQ(p[1].bytes.size(), 16u);
  p = run(plan, {1, 0x1060, 64, 0, 0}, mem);  // 4 bytes left in the region, NULL struct
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].fault());
}

TEST(LateInputs, ReadsThisProcessesMemory) {
  static const char path[] = "/tmp/some/path";
  auto plan = plan_of({{0, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, 4096, 0}});
  SyscallCall call;
  call.args[0] = reinterpret_cast<std::uint64_t>(path);
  auto p = read_late_inputs(plan, call, process_memory(static_cast<std::uint32_t>(getpid())));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].bytes, path);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(ProcSyscall, ACallInProgressAndTheStatesThatAreNot) {
  auto c = parse_proc_syscall("230 0x0 0x0 0x7ffdee220150 0x7ffdee220190 0x0 0x0 0x7ffdee220138 0x7fa6e999b503\n");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->nr, 230);
  EXPECT_EQ(c->args[2], 0x7ffdee220150u);
  EXPECT_EQ(c->args[3], 0x7ffdee220190u);
  EXPECT_FALSE(c->has_ret);
  EXPECT_FALSE(parse_proc_syscall("running\n").has_value());
  EXPECT_FALSE(parse_proc_syscall("-1 0x7ffd0 0x7f00\n").has_value());
  EXPECT_FALSE(parse_proc_syscall("0 0x3 0x7f\n").has_value()) << "truncated";
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(CallsInProgress, ThreadsInsideATracedCallWithTheirInputsAndRuntime) {
  testing::FakeProcFs fs;
  // Thread 10 sleeps in clock_nanosleep (230), 11 runs, 12 is in exit_group (never returns),
  // 13 is in getpid, which the trace set leaves out.
  fs.files["/proc/10/task/10/syscall"] = "230 0x0 0x0 0x1000 0x2000 0x0 0x0 0x7ffd 0x7f00\n";
  fs.files["/proc/10/task/10/schedstat"] = "123456 0 7\n";
  fs.files["/proc/10/task/11/syscall"] = "running\n";
  fs.files["/proc/10/task/12/syscall"] = "231 0x0 0x0 0x0 0x0 0x0 0x0 0x7ffd 0x7f00\n";
  fs.files["/proc/10/task/13/syscall"] = "39 0x0 0x0 0x0 0x0 0x0 0x0 0x7ffd 0x7f00\n";
  const SyscallTable& table = SyscallTable::native();
  std::vector<bool> traced(table.max_number() + 1, false);
  for (auto name : {"clock_nanosleep", "exit_group"}) traced[table.by_name(name)->nr] = true;
  const auto plans = project_capture_plans(table, traced, false, {});
  FakeMemory mem;
  mem.regions[0x1000] = std::string("\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);  // {tv_sec=1, tv_nsec=0}
  std::vector<std::uint32_t> read_from;
  auto calls = calls_in_progress(fs, {10}, plans, 777, [&](std::uint32_t tid) -> MemoryReader {
    read_from.push_back(tid);
    return [&](std::uint64_t a, std::size_t n) { return mem.read(a, n); };
  });
  ASSERT_EQ(calls.size(), 1u);
  const SyscallCall& c = calls[0];
  EXPECT_EQ(c.tgid, 10u);
  EXPECT_EQ(c.tid, 10u);
  EXPECT_EQ(c.nr, 230);
  EXPECT_EQ(c.args[2], 0x1000u);
  EXPECT_FALSE(c.has_ret);
  EXPECT_EQ(c.enter_ts_ns, 777u);
  EXPECT_EQ(c.cpu_ns, 123456u);
  ASSERT_EQ(c.payloads.size(), 1u) << "the request, an input; the remaining time is an output";
  EXPECT_EQ(c.payloads[0].arg, 2);
  EXPECT_EQ(c.payloads[0].bytes.size(), 16u);
  EXPECT_EQ(read_from, std::vector<std::uint32_t>{10});
}

}  // namespace
}  // namespace etrace
