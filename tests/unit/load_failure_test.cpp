// What etrace says when the kernel refuses its BPF object, from libbpf's messages as libbpf
// prints them (format strings of libbpf 1.1: "prog '%s': BPF program load failed: %s",
// "prog '%s': -- BEGIN PROG LOAD LOG --\n%s-- END PROG LOAD LOG --", "map '%s': failed to create").
#include <gtest/gtest.h>

#include <cerrno>

#include "app/load_failure.h"

namespace etrace {
namespace {

// A verifier rejection as Linux 6.1 reports it for a program that reads through a NULL pointer
// on a path it cannot rule out: 13 log lines, the reason last but one.
constexpr std::string_view kRejectedLog =
    "libbpf: prog 'etrace_sys_enter': BPF program load failed: Permission denied\n"
    "libbpf: prog 'etrace_sys_enter': -- BEGIN PROG LOAD LOG --\n"
    "reg type unsupported for arg#0 function etrace_sys_enter#25\n"
    "0: R1=ctx(off=0,imm=0) R10=fp0\n"
    "; int BPF_PROG(etrace_sys_enter, struct pt_regs *regs, long id)\n"
    "0: (79) r7 = *(u64 *)(r1 +8)         ; R1=ctx(off=0,imm=0) R7_w=scalar()\n"
    "1: (79) r6 = *(u64 *)(r1 +0)         ; R1=ctx(off=0,imm=0) R6_w=ptr_pt_regs(off=0,imm=0)\n"
    "2: (85) call bpf_get_current_pid_tgid#14     ; R0_w=scalar()\n"
    "3: (bf) r8 = r0                      ; R0_w=scalar(id=1) R8_w=scalar(id=1)\n"
    "from 120 to 141: R0=map_value(off=0,ks=4,vs=272,imm=0) R6=0 R10=fp0\n"
    "; __builtin_memcpy(st->args, event_args, sizeof(st->args));\n"
    "141: (b7) r1 = 0                     ; R1_w=0\n"
    "142: (79) r2 = *(u64 *)(r1 +0)\n"
    "R1 invalid mem access 'scalar'\n"
    "processed 2786 insns (limit 1000000) max_states_per_insn 4 total_states 151 peak_states 151 mark_read 33\n"
    "-- END PROG LOAD LOG --\n"
    "libbpf: prog 'etrace_sys_enter': failed to load: -13\n"
    "libbpf: failed to load object 'etrace_bpf'\n"
    "libbpf: failed to load BPF skeleton 'etrace_bpf': -13\n";

TEST(LoadFailure, FindsTheRejectedProgramAndItsVerifierLog) {
  const LoadFailure f = parse_load_failure(kRejectedLog);
  EXPECT_EQ(f.program, "etrace_sys_enter");
  EXPECT_EQ(f.map, "");
  ASSERT_EQ(f.verifier_log.size(), 13u);
  EXPECT_EQ(f.verifier_log.front(), "reg type unsupported for arg#0 function etrace_sys_enter#25");
  EXPECT_EQ(f.verifier_log[11], "R1 invalid mem access 'scalar'");
}

TEST(LoadFailure, VerifierRejectionShowsTheEndOfTheLogAndNoPrivilegeHint) {
  static_assert(kVerifierLinesShown == 12, "the first of the 13 lines is left out");
  const std::string expected =
      "cannot load BPF program 'etrace_sys_enter': the kernel's verifier rejected it on Linux 6.1.0-57-amd64 "
      "(Permission denied); the end of its log is above (ETRACE_DEBUG=1 shows all)";
  const std::string tail =
      "  0: R1=ctx(off=0,imm=0) R10=fp0\n"
      "  ; int BPF_PROG(etrace_sys_enter, struct pt_regs *regs, long id)\n"
      "  0: (79) r7 = *(u64 *)(r1 +8)         ; R1=ctx(off=0,imm=0) R7_w=scalar()\n"
      "  1: (79) r6 = *(u64 *)(r1 +0)         ; R1=ctx(off=0,imm=0) R6_w=ptr_pt_regs(off=0,imm=0)\n"
      "  2: (85) call bpf_get_current_pid_tgid#14     ; R0_w=scalar()\n"
      "  3: (bf) r8 = r0                      ; R0_w=scalar(id=1) R8_w=scalar(id=1)\n"
      "  from 120 to 141: R0=map_value(off=0,ks=4,vs=272,imm=0) R6=0 R10=fp0\n"
      "  ; __builtin_memcpy(st->args, event_args, sizeof(st->args));\n"
      "  141: (b7) r1 = 0                     ; R1_w=0\n"
      "  142: (79) r2 = *(u64 *)(r1 +0)\n"
      "  R1 invalid mem access 'scalar'\n"
      "  processed 2786 insns (limit 1000000) max_states_per_insn 4 total_states 151 peak_states 151 mark_read 33\n";
  const LoadFailure f = parse_load_failure(kRejectedLog);
  EXPECT_EQ(verifier_log_tail(f, false), tail);
  EXPECT_EQ(verifier_log_tail(f, true), "") << "ETRACE_DEBUG printed all of it";
  // The verifier's EACCES is not a permission problem, for root or anyone else.
  EXPECT_EQ(load_failure_message(-EACCES, f, "6.1.0-57-amd64", true, false), expected);
  EXPECT_EQ(load_failure_message(-EACCES, f, "6.1.0-57-amd64", false, false), expected);
}

TEST(LoadFailure, WithTheWholeLogPrintedItSaysSo) {
  EXPECT_EQ(load_failure_message(-EACCES, parse_load_failure(kRejectedLog), "6.1.0", true, true),
            "cannot load BPF program 'etrace_sys_enter': the kernel's verifier rejected it on Linux 6.1.0 "
            "(Permission denied); its log is above");
}

TEST(LoadFailure, OnlyTheFailedProgramsLogCounts) {
  const std::string log =
      "libbpf: prog 'etrace_exit': -- BEGIN PROG LOAD LOG --\n"
      "func#0 @0\nprocessed 10 insns\n-- END PROG LOAD LOG --\n" +
      std::string(kRejectedLog);
  const LoadFailure f = parse_load_failure(log);
  EXPECT_EQ(f.program, "etrace_sys_enter");
  ASSERT_FALSE(f.verifier_log.empty());
  EXPECT_EQ(f.verifier_log.back().substr(0, 15), "processed 2786 ");
}

TEST(LoadFailure, EpermWithoutTheCapabilitiesGivesThePrivilegeHint) {
  const LoadFailure f = parse_load_failure(
      "libbpf: map 'inflight': failed to create: Operation not permitted(-1)\n"
      "libbpf: failed to load object 'etrace_bpf'\n");
  EXPECT_EQ(f.map, "inflight");
  EXPECT_EQ(load_failure_message(-EPERM, f, "6.18.0", false, false),
            "cannot create BPF map 'inflight' on Linux 6.18.0: Operation not permitted "
            "(needs CAP_BPF and CAP_PERFMON, or root: run with sudo)");
}

TEST(LoadFailure, EpermWithTheCapabilitiesIsNotCalledAPrivilegeProblem) {
  const LoadFailure f = parse_load_failure(
      "libbpf: prog 'etrace_fork': BPF program load failed: Operation not permitted\n"
      "libbpf: prog 'etrace_fork': failed to load: -1\n");
  EXPECT_EQ(load_failure_message(-EPERM, f, "6.1.0", true, false),
            "cannot load BPF program 'etrace_fork' on Linux 6.1.0: Operation not permitted (refused although "
            "etrace has the BPF capabilities: kernel lockdown or a security module?)");
}

TEST(LoadFailure, UnknownFailureSaysWhatLibbpfSaid) {
  EXPECT_EQ(load_failure_message(-EINVAL, parse_load_failure(""), "5.4.0", true, false),
            "cannot load BPF programs on Linux 5.4.0: Invalid argument");
}

}  // namespace
}  // namespace etrace
