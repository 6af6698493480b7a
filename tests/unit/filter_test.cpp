// The -e grammar, checked against what /usr/bin/strace 6.1 accepts, rejects and prints.
// Every expected error string below was produced by running `strace -e EXPR true` (minus the
// "strace: " prefix); every accepted form was run too, and its effect observed on `cat /dev/null`.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "filter/expression.h"
#include "syscalls/syscall_table.h"

namespace etrace {
namespace {

const SyscallTable& table() { return SyscallTable::native(); }

int nr(std::string_view name) {
  const auto* info = table().by_name(name);
  EXPECT_NE(info, nullptr) << name;
  return info ? info->nr : -1;
}

// Names of the syscalls in a set, sorted, space-separated.
std::string names(const NumberSet& set) {
  std::vector<std::string> out;
  for (const auto& info : table().all())
    if (set.contains(info.nr)) out.emplace_back(info.name);
  std::sort(out.begin(), out.end());
  std::ostringstream s;
  for (std::size_t i = 0; i < out.size(); ++i) s << (i ? " " : "") << out[i];
  return s.str();
}

// Parses one or more -e arguments; fails the test on any error.
FilterSpec parse(std::initializer_list<std::string_view> exprs) {
  FilterBuilder b;
  for (auto e : exprs) {
    auto err = b.add(e);
    EXPECT_FALSE(err) << e << ": " << err.value_or("");
  }
  return b.finish();
}

std::string error_of(std::string_view expr) {
  FilterBuilder b;
  return b.add(expr).value_or("<accepted>");
}

// ---- trace=

TEST(FilterTrace, DefaultIsAll) {
  auto spec = FilterBuilder().finish();
  EXPECT_TRUE(spec.trace.is_all());
  EXPECT_TRUE(spec.trace.contains(100000));  // unknown numbers are traced too
  EXPECT_TRUE(spec.named_syscalls.empty());
}

TEST(FilterTrace, NamesAndLists) {
  EXPECT_EQ(names(parse({"trace=open"}).trace), "open");
  EXPECT_EQ(names(parse({"trace=openat,close"}).trace), "close openat");
  EXPECT_EQ(names(parse({"trace=read,,write"}).trace), "read write");  // strace: empty items skipped
  EXPECT_EQ(names(parse({"trace=,read"}).trace), "read");
  EXPECT_EQ(names(parse({"t=close"}).trace), "close");
  EXPECT_FALSE(parse({"trace=close"}).trace.contains(100000));
}

TEST(FilterTrace, ShorthandIsTrace) {
  EXPECT_EQ(names(parse({"close"}).trace), "close");
  EXPECT_EQ(names(parse({"connect"}).trace), "connect");
  EXPECT_TRUE(parse({"!all"}).trace.is_none());
}

TEST(FilterTrace, LaterTraceReplacesEarlier) {
  // strace -e trace=read -e trace=close cat /dev/null: only close lines.
  EXPECT_EQ(names(parse({"trace=read", "trace=close"}).trace), "close");
  EXPECT_EQ(names(parse({"trace=read", "close"}).trace), "close");
  EXPECT_EQ(names(parse({"trace=close", "trace=read"}).trace), "read");
}

TEST(FilterTrace, AllAndNone) {
  EXPECT_TRUE(parse({"trace=all"}).trace.is_all());
  EXPECT_TRUE(parse({"trace=none"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=!none"}).trace.is_all());
  EXPECT_TRUE(parse({"trace=!all"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=all,read"}).trace.is_all());   // "all" is also a list item
  EXPECT_TRUE(parse({"trace=read,all"}).trace.is_all());
  EXPECT_TRUE(parse({"trace=?all"}).trace.is_all());
  EXPECT_TRUE(parse({"trace=all@64"}).trace.is_all());
  EXPECT_TRUE(parse({"trace=!all,read"}).trace.is_none());
  EXPECT_EQ(error_of("trace=none,read"), "invalid system call 'none'");
  EXPECT_EQ(error_of("trace=all,none"), "invalid system call 'none'");
  EXPECT_EQ(error_of("trace=none@64"), "invalid system call 'none@64'");
  EXPECT_EQ(error_of("trace=ALL"), "invalid system call 'ALL'");
}

TEST(FilterTrace, Negation) {
  auto spec = parse({"trace=!write,read"});
  EXPECT_FALSE(spec.trace.contains(nr("write")));
  EXPECT_FALSE(spec.trace.contains(nr("read")));
  EXPECT_TRUE(spec.trace.contains(nr("openat")));
  EXPECT_TRUE(spec.trace.contains(100000));  // a number the table does not know
  EXPECT_TRUE(spec.named_syscalls.empty());  // nothing positively named: no hint

  EXPECT_EQ(names(parse({"trace=!!close"}).trace), "close");
  EXPECT_TRUE(parse({"trace=!?opn"}).trace.is_all());
  EXPECT_FALSE(parse({"trace=!read@64"}).trace.contains(nr("read")));
  EXPECT_EQ(error_of("trace=!close,!read"), "invalid system call '!read'");
  EXPECT_EQ(error_of("trace=!"), "invalid system call '!'");
  EXPECT_EQ(error_of("trace=!!"), "invalid system call '!!'");
  EXPECT_EQ(error_of("trace=!,"), "invalid system call '!,'");
  EXPECT_EQ(error_of("!"), "invalid system call '!'");
}

TEST(FilterTrace, InvalidNames) {
  EXPECT_EQ(error_of("trace=opn"), "invalid system call 'opn'");
  EXPECT_EQ(error_of("opn"), "invalid system call 'opn'");
  EXPECT_EQ(error_of("trace=open,foo,bar"), "invalid system call 'foo'");
  EXPECT_EQ(error_of("trace=READ"), "invalid system call 'READ'");
  EXPECT_EQ(error_of("trace= read"), "invalid system call ' read'");
  EXPECT_EQ(error_of("trace=read "), "invalid system call 'read '");
  EXPECT_EQ(error_of("trace="), "invalid system call ''");
  EXPECT_EQ(error_of(""), "invalid system call ''");
  EXPECT_EQ(error_of("trace=,"), "invalid system call ','");
  EXPECT_EQ(error_of("trace=read=write"), "invalid system call 'read=write'");
}

TEST(FilterTrace, UnknownQualifierIsASyscallName) {
  EXPECT_EQ(error_of("foo=bar"), "invalid system call 'foo=bar'");
  EXPECT_EQ(error_of("TRACE=read"), "invalid system call 'TRACE=read'");
  EXPECT_EQ(error_of("trace_fds=3"), "invalid system call 'trace_fds=3'");
}

TEST(FilterTrace, QuestionMarkForgivesMissingNames) {
  EXPECT_TRUE(parse({"trace=?opn"}).trace.is_none());
  EXPECT_EQ(names(parse({"trace=?opn,write"}).trace), "write");
  EXPECT_TRUE(parse({"trace=??opn"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=?"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=?%foo"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=?/zzzz"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=?!read"}).trace.is_none());  // '!' inside a token is just a bad name
  EXPECT_TRUE(parse({"trace=?opn@64"}).trace.is_none());
}

TEST(FilterTrace, Numbers) {
  EXPECT_EQ(names(parse({"trace=1"}).trace), "write");
  EXPECT_EQ(names(parse({"trace=01"}).trace), "write");
  EXPECT_EQ(names(parse({"trace=1@64"}).trace), "write");
  EXPECT_EQ(names(parse({"trace=334"}).trace), "rseq");
  EXPECT_EQ(names(parse({"trace=337"}).trace), "");  // a hole in the x86_64 table: valid, no name
  EXPECT_EQ(error_of("trace=1000"), "invalid system call '1000'");
  EXPECT_EQ(error_of("trace=0x1"), "invalid system call '0x1'");
  EXPECT_EQ(error_of("trace=1a"), "invalid system call '1a'");
  EXPECT_EQ(error_of("trace=-1"), "invalid system call '-1'");
  EXPECT_EQ(error_of("trace=+1"), "invalid system call '+1'");
  EXPECT_EQ(error_of("trace=1 "), "invalid system call '1 '");
  EXPECT_EQ(error_of("trace=99999999999999999999999"), "invalid system call '99999999999999999999999'");
}

TEST(FilterTrace, Regex) {
  EXPECT_EQ(names(parse({"trace=/^clo"}).trace), "clock_adjtime clock_getres clock_gettime clock_nanosleep "
                                                  "clock_settime clone clone3 close close_range");
  EXPECT_EQ(names(parse({"trace=/^(read|close)$@64"}).trace), "close read");
  EXPECT_EQ(names(parse({"trace=/^statv?fs"}).trace), "statfs");
  EXPECT_EQ(names(parse({"trace=/fstatv?fs"}).trace), "fstatfs");
  EXPECT_TRUE(parse({"trace=/"}).trace.contains(nr("read")));  // empty regex matches every name
  EXPECT_TRUE(parse({"trace=/a**"}).trace.contains(nr("read")));
  EXPECT_TRUE(parse({"trace=/()"}).trace.contains(nr("read")));
  EXPECT_TRUE(parse({"trace=/a|"}).trace.contains(nr("write")));
  EXPECT_TRUE(parse({"trace=/^(read|close)$"}).named_syscalls.empty());
  EXPECT_EQ(error_of("trace=/zzzz"), "invalid system call '/zzzz'");
  EXPECT_EQ(error_of("trace=/zzz@64"), "invalid system call '/zzz@64'");
  EXPECT_EQ(error_of("trace=/x\\{"), "invalid system call '/x\\{'");
}

TEST(FilterTrace, RegexErrorsAreGlibcRegcompWords) {
  EXPECT_EQ(error_of("trace=/["), "regcomp: [: Invalid regular expression");
  EXPECT_EQ(error_of("trace=/("), "regcomp: (: Unmatched ( or \\(");
  EXPECT_EQ(error_of("trace=/a{1"), "regcomp: a{1: Unmatched \\{");
  EXPECT_EQ(error_of("trace=/*"), "regcomp: *: Invalid preceding regular expression");
  EXPECT_EQ(error_of("trace=/\\"), "regcomp: \\: Trailing backslash");
  EXPECT_EQ(error_of("trace=/[[:foo:]]"), "regcomp: [[:foo:]]: Invalid character class name");
  EXPECT_EQ(error_of("trace=!/["), "regcomp: [: Invalid regular expression");
  EXPECT_EQ(error_of("trace=?/["), "regcomp: [: Invalid regular expression");  // '?' does not forgive
  EXPECT_EQ(error_of("trace=/[@64"), "regcomp: [: Invalid regular expression");
  EXPECT_EQ(error_of("raw=/["), "regcomp: [: Invalid regular expression");
}

TEST(FilterTrace, Personality) {
  EXPECT_EQ(names(parse({"trace=openat@64"}).trace), "openat");
  // etrace traces the native personality only: the other two are valid and select nothing.
  EXPECT_TRUE(parse({"trace=openat@32"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=read@x32"}).trace.is_none());
  EXPECT_TRUE(parse({"trace=all@32"}).trace.is_none());
  EXPECT_EQ(error_of("trace=foo@32"), "invalid system call 'foo@32'");
  EXPECT_EQ(error_of("trace=openat@32,foo"), "invalid system call 'foo'");
  EXPECT_EQ(error_of("trace=/zzz@32"), "invalid system call '/zzz@32'");
  EXPECT_EQ(error_of("trace=openat@16"), "incorrect personality designator '16' in qualification 'openat@16'");
  EXPECT_EQ(error_of("trace=openat@"), "incorrect personality designator '' in qualification 'openat@'");
  EXPECT_EQ(error_of("trace=read@64x"), "incorrect personality designator '64x' in qualification 'read@64x'");
  EXPECT_EQ(error_of("trace=?read@16"), "incorrect personality designator '16' in qualification 'read@16'");
}

TEST(FilterTrace, ClassSpellings) {
  for (auto ok : {"%file", "file", "%desc", "desc", "%network", "%net", "network", "%process", "process",
                  "%signal", "signal", "%ipc", "ipc", "%memory", "memory", "%creds", "%clock", "%pure",
                  "%stat", "%lstat", "%fstat", "%%stat", "%statfs", "%fstatfs", "%%statfs", "%file@64",
                  "%net@64", "%file,"})
    EXPECT_EQ(error_of(std::string("trace=") + ok), "<accepted>") << ok;
  EXPECT_EQ(error_of("trace=%foo"), "invalid system call '%foo'");
  EXPECT_EQ(error_of("trace=%FILE"), "invalid system call '%FILE'");
  EXPECT_EQ(error_of("trace=%sta"), "invalid system call '%sta'");
  EXPECT_EQ(error_of("trace=%"), "invalid system call '%'");
  EXPECT_EQ(error_of("trace=net"), "invalid system call 'net'");
  EXPECT_EQ(error_of("trace=creds"), "invalid system call 'creds'");
  EXPECT_EQ(error_of("trace=pure"), "invalid system call 'pure'");
  EXPECT_EQ(error_of("trace=clock"), "invalid system call 'clock'");
  // "stat" is a syscall, not a class, without the '%'.
  EXPECT_EQ(names(parse({"trace=stat,lstat"}).trace), "lstat stat");
}

// Ground truth from strace 6.1: a program made each call below with syscall(2), and
// `strace -qq -e trace=%CLASS` printed exactly the members listed here.
TEST(FilterTrace, ClassMembersMatchStrace) {
  const std::vector<std::string> universe = {
      "access", "adjtimex", "arch_prctl", "brk", "capget", "chdir", "clock_getres", "clock_gettime",
      "close", "connect", "dup", "execve", "exit_group", "faccessat", "fchdir", "fcntl", "fstat",
      "fstatfs", "futex", "getcwd", "getdents64", "geteuid", "getgid", "getpgrp", "getpid", "getppid",
      "getresuid", "getrlimit", "getsid", "getsockname", "gettid", "gettimeofday", "getuid",
      "inotify_init1", "ioctl", "kill", "lseek", "lstat", "madvise", "mmap", "mprotect", "msgget",
      "munmap", "nanosleep", "newfstatat", "open", "openat", "pipe2", "prctl", "pread64", "prlimit64",
      "read", "readlink", "rseq", "rt_sigpending", "rt_sigprocmask", "set_robust_list",
      "set_tid_address", "setns", "setpgid", "setuid", "shmget", "sigaltstack", "socket", "stat",
      "statfs", "statx", "sysinfo", "time", "timer_create", "times", "umask", "uname", "unshare",
      "ustat", "wait4", "write"};
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"%file", "access chdir execve faccessat getcwd lstat newfstatat open openat readlink stat statfs statx"},
      {"%desc", "close dup faccessat fchdir fcntl fstat fstatfs getdents64 inotify_init1 ioctl lseek mmap "
                "newfstatat open openat pipe2 pread64 read setns statx write"},
      {"%network", "connect getsockname socket"},
      {"%process", "execve exit_group kill wait4"},
      {"%signal", "kill rt_sigpending rt_sigprocmask sigaltstack"},
      {"%ipc", "msgget shmget"},
      {"%memory", "brk madvise mmap mprotect munmap"},
      {"%creds", "capget geteuid getgid getresuid getuid prctl setuid"},
      {"%clock", "adjtimex clock_getres clock_gettime gettimeofday time"},
      {"%pure", "geteuid getgid getpgrp getpid getppid gettid getuid"},
      {"%stat", "stat"},
      {"%lstat", "lstat"},
      {"%fstat", "fstat newfstatat statx"},
      {"%%stat", "fstat lstat newfstatat stat statx"},
      {"%statfs", "statfs"},
      {"%fstatfs", "fstatfs"},
      {"%%statfs", "fstatfs statfs ustat"},
  };
  for (const auto& [cls, members] : expected) {
    auto spec = parse({"trace=" + cls});
    std::string got;
    for (const auto& name : universe)
      if (spec.trace.contains(nr(name))) got += (got.empty() ? "" : " ") + name;
    EXPECT_EQ(got, members) << cls;
  }
}

TEST(FilterTrace, ClassMechanismWithInjectedTable) {
  SyscallCatalog cat;
  cat.max_number = 9;
  cat.entries = {{0, "alpha", kClassFile}, {3, "beta", kClassFile | kClassDesc}, {7, "gamma", kClassDesc}};
  FilterBuilder b(cat);
  ASSERT_FALSE(b.add("trace=%file"));
  auto spec = b.finish();
  EXPECT_EQ(spec.trace.bits, (std::vector<bool>{1, 0, 0, 1, 0, 0, 0, 0, 0, 0}));
  EXPECT_FALSE(spec.trace.outside);
  ASSERT_FALSE(b.add("trace=!%desc"));
  spec = b.finish();
  EXPECT_EQ(spec.trace.bits, (std::vector<bool>{1, 1, 1, 0, 1, 1, 1, 0, 1, 1}));
  EXPECT_TRUE(spec.trace.outside);
  // A known class is valid even when the table has none of its members.
  EXPECT_FALSE(b.add("trace=%ipc"));
  EXPECT_TRUE(b.finish().trace.is_none());
  EXPECT_EQ(b.add("trace=9").value_or(""), "");       // in range, no name: strace accepts it
  EXPECT_EQ(b.add("trace=10").value_or(""), "invalid system call '10'");
}

TEST(FilterTrace, NamedSyscallsForTheHint) {
  EXPECT_EQ(parse({"trace=open,%file,/^clo,1,stat"}).named_syscalls, (std::vector<std::string>{"open", "stat"}));
  EXPECT_EQ(parse({"open"}).named_syscalls, (std::vector<std::string>{"open"}));
  EXPECT_EQ(parse({"trace=open", "trace=close"}).named_syscalls, (std::vector<std::string>{"close"}));
  EXPECT_TRUE(parse({"trace=open@32"}).named_syscalls.empty());
  EXPECT_TRUE(parse({"trace=open", "trace=!open"}).named_syscalls.empty());
}

// ---- verbose=, abbrev=, raw=, -v

TEST(FilterSyscallSets, Defaults) {
  auto spec = FilterBuilder().finish();
  EXPECT_TRUE(spec.abbrev.is_all());
  EXPECT_TRUE(spec.verbose.is_all());
  EXPECT_TRUE(spec.raw.is_none());
}

TEST(FilterSyscallSets, SameGrammarAsTrace) {
  EXPECT_EQ(names(parse({"verbose=read"}).verbose), "read");
  EXPECT_EQ(names(parse({"v=read"}).verbose), "read");
  EXPECT_TRUE(parse({"verbose=none"}).verbose.is_none());
  EXPECT_FALSE(parse({"verbose=!read"}).verbose.contains(nr("read")));
  EXPECT_EQ(names(parse({"abbrev=execve"}).abbrev), "execve");
  EXPECT_EQ(names(parse({"a=execve"}).abbrev), "execve");
  EXPECT_EQ(names(parse({"raw=read"}).raw), "read");
  EXPECT_EQ(names(parse({"x=read"}).raw), "read");
  EXPECT_TRUE(parse({"raw=all"}).raw.is_all());
  EXPECT_EQ(names(parse({"verbose=%statfs"}).verbose), "statfs");
  EXPECT_EQ(error_of("verbose=opn"), "invalid system call 'opn'");
  EXPECT_EQ(error_of("abbrev=opn"), "invalid system call 'opn'");
  EXPECT_EQ(error_of("raw=opn"), "invalid system call 'opn'");
  // Setting them leaves trace= alone and names nothing for the hint.
  auto spec = parse({"verbose=open"});
  EXPECT_TRUE(spec.trace.is_all());
  EXPECT_TRUE(spec.named_syscalls.empty());
}

TEST(FilterSyscallSets, DashVIsAbbrevNoneInOrder) {
  // strace -v -e abbrev=execve abbreviates execve; strace -e abbrev=execve -v does not.
  FilterBuilder a;
  a.add_v();
  ASSERT_FALSE(a.add("abbrev=execve"));
  EXPECT_EQ(names(a.finish().abbrev), "execve");
  FilterBuilder b;
  ASSERT_FALSE(b.add("abbrev=execve"));
  b.add_v();
  EXPECT_TRUE(b.finish().abbrev.is_none());
}

// ---- signal=

TEST(FilterSignal, DefaultAll) {
  auto spec = FilterBuilder().finish();
  EXPECT_TRUE(spec.signals.contains(1));
  EXPECT_TRUE(spec.signals.contains(64));
}

TEST(FilterSignal, NamesNumbersAndCase) {
  auto only = [](std::string_view expr) {
    auto spec = parse({expr});
    std::vector<int> out;
    for (int i = 0; i < 256; ++i)
      if (spec.signals.contains(i)) out.push_back(i);
    return out;
  };
  using V = std::vector<int>;
  EXPECT_EQ(only("signal=SIGINT"), V{2});
  EXPECT_EQ(only("signal=INT"), V{2});
  EXPECT_EQ(only("signal=sigint"), V{2});
  EXPECT_EQ(only("signal=SigInt"), V{2});
  EXPECT_EQ(only("s=INT"), V{2});
  EXPECT_EQ(only("signals=INT"), V{2});
  EXPECT_EQ(only("signal=INT,,TERM"), (V{2, 15}));
  EXPECT_EQ(only("signal=SIGIO"), V{29});
  EXPECT_EQ(only("signal=SIGSTKFLT"), V{16});
  EXPECT_EQ(only("signal=SIGPWR"), V{30});
  EXPECT_EQ(only("signal=SIGSYS"), V{31});
  EXPECT_EQ(only("signal=SIGRTMIN"), V{32});
  EXPECT_EQ(only("signal=rtmin"), V{32});
  EXPECT_EQ(only("signal=SIGRT_1"), V{33});
  EXPECT_EQ(only("signal=sigrt_1"), V{33});
  EXPECT_EQ(only("signal=RT_30"), V{62});
  EXPECT_EQ(only("signal=SIGRT_32"), V{64});
  EXPECT_EQ(only("signal=0"), V{0});
  EXPECT_EQ(only("signal=02"), V{2});
  EXPECT_EQ(only("signal=255"), V{255});
  EXPECT_EQ(only("signal=none"), V{});
  EXPECT_EQ(only("signal=!all"), V{});
  EXPECT_EQ(only("signal=!!SIGIO"), V{29});
  EXPECT_EQ(only("signal=all").size(), 256u);
  EXPECT_EQ(only("signal=!none").size(), 256u);
  auto spec = parse({"signal=!SIGIO"});
  EXPECT_FALSE(spec.signals.contains(29));
  EXPECT_TRUE(spec.signals.contains(2));
  auto twice = parse({"signal=INT", "signal=TERM"});  // the later one replaces
  EXPECT_FALSE(twice.signals.contains(2));
  EXPECT_TRUE(twice.signals.contains(15));
}

TEST(FilterSignal, Errors) {
  EXPECT_EQ(error_of("signal=SIGINT,!SIGTERM"), "invalid signal '!SIGTERM'");
  EXPECT_EQ(error_of("signal=FOO"), "invalid signal 'FOO'");
  for (auto bad : {"SIGRT_0", "SIGRTMAX", "SIGIOT", "SIGPOLL", "SIGCLD", "SIGUNUSED", "256", "-1", "0x2",
                   "SIG", "SIGRT_", "SIGRT_01", "SIGRT_33", "+2", " 2", "ALL", "INT@64"})
    EXPECT_EQ(error_of(std::string("signal=") + bad), std::string("invalid signal '") + bad + "'");
  EXPECT_EQ(error_of("signal="), "invalid signal ''");
  EXPECT_EQ(error_of("signal=,"), "invalid signal ','");
  EXPECT_EQ(error_of("signal=!"), "invalid signal '!'");
  EXPECT_EQ(error_of("signal=INT,all"), "invalid signal 'all'");
}

// ---- status=, -z, -Z

TEST(FilterStatus, Values) {
  EXPECT_EQ(FilterBuilder().finish().status, kStatusAll);
  EXPECT_EQ(parse({"status=failed"}).status, kStatusFailed);
  EXPECT_EQ(parse({"status=FAILED"}).status, kStatusFailed);
  EXPECT_EQ(parse({"status=successful,"}).status, kStatusSuccessful);
  EXPECT_EQ(parse({"status=failed,successful"}).status, kStatusFailed | kStatusSuccessful);
  EXPECT_EQ(parse({"status=unfinished"}).status, kStatusUnfinished);
  EXPECT_EQ(parse({"status=detached,unavailable"}).status, kStatusDetached | kStatusUnavailable);
  EXPECT_EQ(parse({"status=!failed"}).status, kStatusAll & ~kStatusFailed);
  EXPECT_EQ(parse({"status=none"}).status, 0u);
  EXPECT_EQ(parse({"status=!all"}).status, 0u);
  EXPECT_EQ(parse({"status=all"}).status, kStatusAll);
  EXPECT_EQ(parse({"status=failed", "status=successful"}).status, kStatusSuccessful);
}

TEST(FilterStatus, Errors) {
  EXPECT_EQ(error_of("status=foo"), "invalid status 'foo'");
  EXPECT_EQ(error_of("status="), "invalid status ''");
  EXPECT_EQ(error_of("status=failed,all"), "invalid status 'all'");
  EXPECT_EQ(error_of("status=ALL"), "invalid status 'ALL'");
  EXPECT_EQ(error_of("status=None"), "invalid status 'None'");
}

TEST(FilterStatus, ZAndBigZReplaceInOrder) {
  const std::string warning =
      "Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
      "See status qualifier for more complex filters.";
  FilterBuilder z;
  z.add_z();
  EXPECT_EQ(z.finish().status, kStatusSuccessful);
  EXPECT_TRUE(z.finish().warnings.empty());
  FilterBuilder zZ;
  zZ.add_z();
  zZ.add_Z();
  EXPECT_EQ(zZ.finish().status, kStatusFailed);
  EXPECT_EQ(zZ.finish().warnings, std::vector<std::string>{warning});
  FilterBuilder Zz;
  Zz.add_Z();
  Zz.add_z();
  Zz.add_z();
  EXPECT_EQ(Zz.finish().status, kStatusSuccessful);
  EXPECT_EQ(Zz.finish().warnings, std::vector<std::string>{warning});  // once, as strace -z -z -Z
  // -z and -e status= replace each other without a warning.
  FilterBuilder mixed;
  mixed.add_z();
  ASSERT_FALSE(mixed.add("status=failed"));
  EXPECT_EQ(mixed.finish().status, kStatusFailed);
  mixed.add_z();
  EXPECT_EQ(mixed.finish().status, kStatusSuccessful);
}

// ---- quiet=, -q

TEST(FilterQuiet, Values) {
  auto none = FilterBuilder().finish();
  EXPECT_EQ(none.quiet, 0u);
  EXPECT_FALSE(none.quiet_given);
  EXPECT_EQ(parse({"quiet=attach"}).quiet, kQuietAttach);
  EXPECT_EQ(parse({"quiet=ATTACH"}).quiet, kQuietAttach);
  EXPECT_EQ(parse({"quiet=exit"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"quiet=exits"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"quiet=EXIT"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"quiet=path-resolution"}).quiet, kQuietPathResolution);
  EXPECT_EQ(parse({"quiet=personality"}).quiet, kQuietPersonality);
  EXPECT_EQ(parse({"quiet=thread-execve"}).quiet, kQuietThreadExecve);
  EXPECT_EQ(parse({"quiet=superseded"}).quiet, kQuietThreadExecve);
  EXPECT_EQ(parse({"q=exit"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"silent=exit"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"silence=exit"}).quiet, kQuietExit);
  EXPECT_EQ(parse({"quiet=all"}).quiet, kQuietAll);
  EXPECT_EQ(parse({"quiet=attach,exit,path-resolution,personality,thread-execve"}).quiet, kQuietAll);
  EXPECT_EQ(parse({"quiet=!exit"}).quiet, kQuietAll & ~kQuietExit);
  EXPECT_EQ(parse({"quiet=none"}).quiet, 0u);
  EXPECT_TRUE(parse({"quiet=none"}).quiet_given);
  // strace -e quiet=exit -e quiet=attach prints "+++ exited with 0 +++": the later one replaces.
  EXPECT_EQ(parse({"quiet=exit", "quiet=attach"}).quiet, kQuietAttach);
}

TEST(FilterQuiet, Errors) {
  EXPECT_EQ(error_of("quiet=foo"), "invalid quiet 'foo'");
  EXPECT_EQ(error_of("quiet="), "invalid quiet ''");
  EXPECT_EQ(error_of("quiet=exit,all"), "invalid quiet 'all'");
  EXPECT_EQ(error_of("quiet=ALL"), "invalid quiet 'ALL'");
  for (auto bad : {"attaches", "detach", "exit-status", "path", "execve", "superseded-by-execve"})
    EXPECT_EQ(error_of(std::string("quiet=") + bad), std::string("invalid quiet '") + bad + "'");
}

TEST(FilterQuiet, DashQCounts) {
  auto with_q = [](int n) {
    FilterBuilder b;
    for (int i = 0; i < n; ++i) EXPECT_FALSE(b.add_q());
    return b.finish();
  };
  EXPECT_EQ(with_q(1).quiet, kQuietAttach | kQuietPersonality);
  EXPECT_TRUE(with_q(1).quiet_given);
  EXPECT_EQ(with_q(2).quiet, kQuietAttach | kQuietPersonality | kQuietExit);
  EXPECT_EQ(with_q(3).quiet, kQuietAll);
  EXPECT_EQ(with_q(5).quiet, kQuietAll);
}

TEST(FilterQuiet, DashQAndQualifierConflict) {
  const std::string conflict = "-q and -e quiet/--quiet cannot be provided simultaneously";
  FilterBuilder a;
  ASSERT_FALSE(a.add_q());
  EXPECT_EQ(a.add("quiet=attach").value_or(""), conflict);
  FilterBuilder b;
  ASSERT_FALSE(b.add("quiet=exit"));
  EXPECT_EQ(b.add_q().value_or(""), conflict);
  FilterBuilder bad;  // a rejected quiet= does not count
  ASSERT_TRUE(bad.add("quiet=foo"));
  EXPECT_FALSE(bad.add_q());
}

// ---- read=, write=, trace-fds=

TEST(FilterFds, ReadWrite) {
  auto spec = FilterBuilder().finish();
  EXPECT_TRUE(spec.read_fds.is_none());
  EXPECT_TRUE(spec.write_fds.is_none());
  EXPECT_TRUE(spec.trace_fds.is_all());

  EXPECT_EQ(parse({"read=3,5"}).read_fds.fds, (std::vector<int>{3, 5}));
  EXPECT_EQ(parse({"read=5,3,3"}).read_fds.fds, (std::vector<int>{3, 5}));
  EXPECT_EQ(parse({"reads=3"}).read_fds.fds, std::vector<int>{3});
  EXPECT_EQ(parse({"r=3"}).read_fds.fds, std::vector<int>{3});
  EXPECT_EQ(parse({"read=3,,4"}).read_fds.fds, (std::vector<int>{3, 4}));
  EXPECT_EQ(parse({"read=03"}).read_fds.fds, std::vector<int>{3});
  EXPECT_EQ(parse({"read=+3"}).read_fds.fds, std::vector<int>{3});   // strtol, as strace
  EXPECT_EQ(parse({"read= 3"}).read_fds.fds, std::vector<int>{3});
  EXPECT_EQ(parse({"read=2147483647"}).read_fds.fds, std::vector<int>{2147483647});
  EXPECT_EQ(parse({"write=1"}).write_fds.fds, std::vector<int>{1});
  EXPECT_EQ(parse({"writes=1"}).write_fds.fds, std::vector<int>{1});
  EXPECT_EQ(parse({"w=1"}).write_fds.fds, std::vector<int>{1});
  EXPECT_TRUE(parse({"read=all"}).read_fds.is_all());
  EXPECT_TRUE(parse({"read=none"}).read_fds.is_none());
  EXPECT_TRUE(parse({"read=!none"}).read_fds.is_all());
  EXPECT_TRUE(parse({"read=!all"}).read_fds.is_none());
  auto negated = parse({"read=!3"}).read_fds;
  EXPECT_FALSE(negated.contains(3));
  EXPECT_TRUE(negated.contains(4));
  EXPECT_FALSE(negated.contains(-1));
  EXPECT_TRUE(parse({"read=3"}).read_fds.contains(3));
  EXPECT_FALSE(parse({"read=3"}).read_fds.contains(4));
}

TEST(FilterFds, Errors) {
  for (auto bad : {"foo", "-1", "0x3", "3 ", "2147483648"})
    EXPECT_EQ(error_of(std::string("read=") + bad), std::string("invalid descriptor '") + bad + "'");
  EXPECT_EQ(error_of("read="), "invalid descriptor ''");
  EXPECT_EQ(error_of("read=3,all"), "invalid descriptor 'all'");
  EXPECT_EQ(error_of("write=foo"), "invalid descriptor 'foo'");
}

TEST(FilterFds, TraceFds) {
  // strace 6.3's --trace-fds (6.1 lacks it); same set grammar as read=.
  EXPECT_EQ(parse({"trace-fds=3"}).trace_fds.fds, std::vector<int>{3});
  EXPECT_FALSE(parse({"trace-fds=3"}).trace_fds.contains(4));
  EXPECT_TRUE(parse({"trace-fds=!3"}).trace_fds.contains(4));
  EXPECT_EQ(error_of("trace-fds=x"), "invalid descriptor 'x'");
}

// ---- decode-fds=, decode-pids=, unsupported qualifiers

TEST(FilterDecode, FdsAndPids) {
  EXPECT_FALSE(FilterBuilder().finish().decode_fds);
  EXPECT_EQ(parse({"decode-fds=path"}).decode_fds, kDecodeFdsPath);
  EXPECT_EQ(parse({"decode-fds=PATH"}).decode_fds, kDecodeFdsPath);
  EXPECT_EQ(parse({"decode-fd=path"}).decode_fds, kDecodeFdsPath);
  EXPECT_EQ(parse({"decode-fds=socket,dev,pidfd"}).decode_fds, kDecodeFdsSocket | kDecodeFdsDev | kDecodeFdsPidfd);
  EXPECT_EQ(parse({"decode-fds=all"}).decode_fds, kDecodeFdsAll);
  EXPECT_EQ(parse({"decode-fds=none"}).decode_fds, 0u);
  EXPECT_EQ(parse({"decode-fds=!path"}).decode_fds, kDecodeFdsAll & ~kDecodeFdsPath);
  EXPECT_EQ(error_of("decode-fds=foo"), "invalid decode-fds 'foo'");
  EXPECT_EQ(parse({"decode-pids=comm"}).decode_pids, kDecodePidsComm);
  EXPECT_EQ(parse({"decode-pids=COMM"}).decode_pids, kDecodePidsComm);
  EXPECT_EQ(parse({"decode-pid=comm"}).decode_pids, kDecodePidsComm);
  EXPECT_EQ(parse({"decode-pids=pidns"}).decode_pids, kDecodePidsPidns);
  EXPECT_EQ(parse({"decode-pids=all"}).decode_pids, kDecodePidsAll);
  EXPECT_EQ(error_of("decode-pids=foo"), "invalid decode-pids 'foo'");
}

TEST(FilterDecode, InjectFaultKvmAreRefused) {
  EXPECT_EQ(error_of("inject=read:error=EPERM"),
            "-e inject is not supported: etrace never changes what the traced program sees");
  EXPECT_EQ(error_of("fault=read"), "-e fault is not supported: etrace never changes what the traced program sees");
  EXPECT_EQ(error_of("kvm=vcpu"), "-e kvm is not supported");
}

TEST(FilterDecode, LongOptions) {
  EXPECT_EQ(FilterBuilder::qualifier_for_long_option("trace"), "trace");
  EXPECT_EQ(FilterBuilder::qualifier_for_long_option("signals"), "signals");
  EXPECT_EQ(FilterBuilder::qualifier_for_long_option("silence"), "silence");
  EXPECT_FALSE(FilterBuilder::qualifier_for_long_option("t"));      // only -e t=, no --t
  EXPECT_FALSE(FilterBuilder::qualifier_for_long_option("reads"));  // strace: unrecognized option
  EXPECT_FALSE(FilterBuilder::qualifier_for_long_option("output"));
}

// ---- kernel push-down

TEST(FilterKernel, SyscallBitmapAndStatus) {
  auto k = kernel_part(parse({"trace=connect"}));
  ASSERT_EQ(k.syscalls.size(), static_cast<std::size_t>(table().max_number() + 1));
  EXPECT_EQ(std::count(k.syscalls.begin(), k.syscalls.end(), true), 1);
  EXPECT_TRUE(k.syscalls[static_cast<std::size_t>(nr("connect"))]);
  EXPECT_FALSE(k.others);
  EXPECT_EQ(k.status_mask, ETRACE_STATUS_SUCCESSFUL | ETRACE_STATUS_FAILED);

  auto all = kernel_part(FilterBuilder().finish());
  EXPECT_EQ(std::count(all.syscalls.begin(), all.syscalls.end(), false), 0);
  EXPECT_TRUE(all.others);

  EXPECT_EQ(kernel_part(parse({"status=failed"})).status_mask, ETRACE_STATUS_FAILED);
  EXPECT_EQ(kernel_part(parse({"status=successful,unfinished"})).status_mask, ETRACE_STATUS_SUCCESSFUL);
  EXPECT_EQ(kernel_part(parse({"status=unfinished"})).status_mask, 0u);
  FilterBuilder z;
  z.add_Z();
  EXPECT_EQ(kernel_part(z.finish()).status_mask, ETRACE_STATUS_FAILED);
}

TEST(FilterKernel, RelativesOfNamedCallsAreCountedOnly) {
  auto k = kernel_part(parse({"trace=open,close"}));
  EXPECT_TRUE(k.syscalls[static_cast<std::size_t>(nr("open"))]);
  EXPECT_FALSE(k.syscalls[static_cast<std::size_t>(nr("openat"))]);
  EXPECT_TRUE(k.count_only[static_cast<std::size_t>(nr("openat"))]);
  EXPECT_TRUE(k.count_only[static_cast<std::size_t>(nr("openat2"))]);
  EXPECT_EQ(std::count(k.count_only.begin(), k.count_only.end(), true), 2);
  // A relative that is traced anyway is not also count-only.
  auto both = kernel_part(parse({"trace=open,openat"}));
  EXPECT_FALSE(both.count_only[static_cast<std::size_t>(nr("openat"))]);
  EXPECT_TRUE(both.count_only[static_cast<std::size_t>(nr("openat2"))]);
}

// ---- the "no open calls seen" hint

TEST(FilterHint, Relatives) {
  EXPECT_EQ(relatives_hint("open"), (std::vector<std::string>{"openat", "openat2"}));
  EXPECT_EQ(relatives_hint("stat"), (std::vector<std::string>{"newfstatat", "statx"}));
  EXPECT_EQ(relatives_hint("fork"), (std::vector<std::string>{"clone", "clone3"}));
  EXPECT_EQ(relatives_hint("pipe"), std::vector<std::string>{"pipe2"});
  EXPECT_TRUE(relatives_hint("openat").empty());
  EXPECT_TRUE(relatives_hint("nosuchcall").empty());
  // Every relative is a real x86_64 syscall.
  for (const auto& info : table().all())
    for (const auto& rel : relatives_hint(info.name)) EXPECT_NE(table().by_name(rel), nullptr) << rel;
}

TEST(FilterHint, UnseenSyscall) {
  std::vector<std::uint64_t> counts(static_cast<std::size_t>(table().max_number() + 1), 0);
  EXPECT_EQ(unseen_syscall_hint("open", counts), "");  // nothing seen at all: nothing to say
  counts[static_cast<std::size_t>(nr("openat"))] = 12;
  EXPECT_EQ(unseen_syscall_hint("open", counts), "no open calls seen; this system uses openat (try -e trace=%file)");
  counts[static_cast<std::size_t>(nr("newfstatat"))] = 3;
  counts[static_cast<std::size_t>(nr("statx"))] = 1;
  EXPECT_EQ(unseen_syscall_hint("stat", counts),
            "no stat calls seen; this system uses newfstatat and statx (try -e trace=%%stat)");
  counts[static_cast<std::size_t>(nr("clone3"))] = 1;
  EXPECT_EQ(unseen_syscall_hint("fork", counts), "no fork calls seen; this system uses clone3 (try -e trace=%process)");
  counts[static_cast<std::size_t>(nr("prlimit64"))] = 1;
  EXPECT_EQ(unseen_syscall_hint("getrlimit", counts),
            "no getrlimit calls seen; this system uses prlimit64 (try -e trace=getrlimit,prlimit64)");
  counts[static_cast<std::size_t>(nr("open"))] = 1;
  EXPECT_EQ(unseen_syscall_hint("open", counts), "");  // it did occur
  EXPECT_EQ(unseen_syscall_hint("opn", counts), "");
  EXPECT_EQ(unseen_syscall_hint("open", {}), "");        // no counts known

  std::vector<std::uint64_t> c2(counts.size(), 0);
  c2[static_cast<std::size_t>(nr("openat"))] = 1;
  auto spec = parse({"trace=open,stat"});
  SyscallCatalog cat = SyscallCatalog::from(table());
  EXPECT_EQ(unseen_syscall_hints(spec, c2, cat),
            std::vector<std::string>{"no open calls seen; this system uses openat (try -e trace=%file)"});
  // Tracing the relative too shows its calls: the hint would only repeat the command line.
  EXPECT_TRUE(unseen_syscall_hints(parse({"trace=open,openat"}), c2, cat).empty());
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(FilterHint, NoHintWhenTheRelativeIsTracedToo) {
  FilterBuilder fb;
  ASSERT_FALSE(fb.add("trace=nanosleep,clock_nanosleep"));
  const FilterSpec spec = fb.finish();
  const auto& table = SyscallTable::native();
  std::vector<std::uint64_t> counts(table.max_number() + 1, 0);
  counts[table.by_name("clock_nanosleep")->nr] = 1;
  EXPECT_TRUE(unseen_syscall_hints(spec, counts, SyscallCatalog::from(table)).empty());

  FilterBuilder only;
  ASSERT_FALSE(only.add("trace=nanosleep"));
  EXPECT_EQ(unseen_syscall_hints(only.finish(), counts, SyscallCatalog::from(table)).size(), 1u);
}

}  // namespace
}  // namespace etrace
