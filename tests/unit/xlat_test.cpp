#include <gtest/gtest.h>

#include <set>
#include <string>

#include "syscalls/spec.h"
#include "xlat/xlat.h"

namespace etrace {
namespace {

std::string join(const FlagSplit& s) {
  std::string out;
  for (auto n : s.names) out += (out.empty() ? "" : "|") + std::string(n);
  if (s.rest) out += (out.empty() ? "" : "|") + std::to_string(s.rest);
  return out;
}

std::string split(std::string_view table, std::uint64_t v) {
  const XlatTable* t = find_xlat(table);
  return t ? join(xlat_split_flags(*t, v)) : "<no table " + std::string(table) + ">";
}

std::string name(std::string_view table, std::uint64_t v) {
  const XlatTable* t = find_xlat(table);
  return t ? std::string(xlat_name(*t, v)) : "<no table>";
}

// Expected strings are what strace 6.1 printed for the same values on this machine.
TEST(Xlat, FlagsSplitInStraceOrder) {
  EXPECT_EQ(split("mmap_prot", 3), "PROT_READ|PROT_WRITE");
  EXPECT_EQ(split("mmap_prot", 0), "PROT_NONE");
  EXPECT_EQ(split("mmap_flags", 0x22), "MAP_PRIVATE|MAP_ANONYMOUS");
  EXPECT_EQ(split("mmap_flags", 0x812), "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE");
  EXPECT_EQ(split("mmap_flags", 0x3), "MAP_SHARED_VALIDATE");
  EXPECT_EQ(split("open_flags", 04000 | 02000000 | 0200000), "O_NONBLOCK|O_CLOEXEC|O_DIRECTORY");
  EXPECT_EQ(split("open_flags", 020200000), "O_TMPFILE");
  EXPECT_EQ(split("clone_flags", 0x1200000), "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID");
  EXPECT_EQ(split("sa_flags", 0x4000000 | 0x8000000), "SA_RESTORER|SA_ONSTACK");
  EXPECT_EQ(split("access_modes", 6), "R_OK|W_OK");
  EXPECT_EQ(split("access_modes", 0), "F_OK");
  EXPECT_EQ(split("getrandom_flags", 1), "GRND_NONBLOCK");
  EXPECT_EQ(split("epoll_events", 0x1 | 0x4 | 0x80000000), "EPOLLIN|EPOLLOUT|EPOLLET");
  EXPECT_EQ(split("poll_events", 1), "POLLIN");
  EXPECT_EQ(split("wait_options", 1 | 0x40000000), "WNOHANG|__WALL");
  EXPECT_EQ(split("statx_mask", 0xfff), "STATX_ALL");
  EXPECT_EQ(split("statx_mask", 0x7ff | 0x800 | 0x1000), "STATX_ALL|STATX_MNT_ID");
  EXPECT_EQ(split("at_flags", 0x1000), "AT_EMPTY_PATH");
  EXPECT_EQ(split("mmap_flags", 0x8000000), "134217728");  // unknown rest
  // Tables the struct printers use (statx, statfs, open_how, stack_t).
  EXPECT_EQ(split("statx_attributes", 0x10 | 0x20), "STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND");
  EXPECT_EQ(split("statfs_flags", 0x1 | 0x400), "ST_RDONLY|ST_NOATIME");
  EXPECT_EQ(split("resolve_flags", 0x8 | 0x4), "RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH");
  EXPECT_EQ(split("sigaltstack_flags", 2), "SS_DISABLE");
  EXPECT_EQ(name("fs_magic", 0x01021994), "TMPFS_MAGIC");
  EXPECT_EQ(name("dirent_types", 10), "DT_LNK");
}

// A zero value shows only the table's zero entries (found once per table and remembered):
// newfstatat(..., 0) prints "0", mmap(..., PROT_NONE, ...) the name.
TEST(Xlat, ZeroValuesAcrossTables) {
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(split("at_flags", 0), "");
    EXPECT_EQ(split("mmap_prot", 0), "PROT_NONE");
    EXPECT_EQ(split("access_modes", 0), "F_OK");
    EXPECT_EQ(split("msg_flags", 0), "");
  }
}

// find_xlat remembers answers by the name's address: a buffer reused for another name must
// still get that name's table.
TEST(Xlat, FindXlatChecksTheNameOnAMemoHit) {
  std::string buf = "mmap_prot";
  buf.reserve(64);
  const XlatTable* t = find_xlat(buf);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "mmap_prot");
  buf.assign("at_flags");
  t = find_xlat(buf);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "at_flags");
  buf.assign("at_flagz");
  EXPECT_EQ(find_xlat(buf), nullptr);
}

TEST(Xlat, SameNameIsEquality) {
  const std::string base = "abcdefghijklmnopqrstu";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const std::string a = base.substr(0, n);
    EXPECT_TRUE(same_name(a, std::string(a))) << n;
    if (n < base.size()) {
      EXPECT_FALSE(same_name(a, base.substr(0, n + 1))) << n;
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = '#';
      EXPECT_FALSE(same_name(a, b)) << n << " " << i;
    }
  }
}

TEST(Xlat, EnumNames) {
  EXPECT_EQ(name("fcntl_cmds", 1030), "F_DUPFD_CLOEXEC");
  EXPECT_EQ(name("seek_whence", 2), "SEEK_END");
  EXPECT_EQ(name("arch_prctl_codes", 0x1002), "ARCH_SET_FS");
  EXPECT_EQ(name("prctl_options", 15), "PR_SET_NAME");
  EXPECT_EQ(name("clock_ids", 1), "CLOCK_MONOTONIC");
  EXPECT_EQ(name("futex_ops", 129), "FUTEX_WAKE_PRIVATE");
  EXPECT_EQ(name("futex_ops", 137), "FUTEX_WAIT_BITSET_PRIVATE");
  EXPECT_EQ(name("ioctl_requests", 0x5401), "TCGETS");
  EXPECT_EQ(name("ioctl_requests", 0x5413), "TIOCGWINSZ");
  EXPECT_EQ(name("ioctl_requests", 0x5451), "FIOCLEX");
  EXPECT_EQ(name("ioctl_requests", 0x541b), "FIONREAD");
  EXPECT_EQ(name("rlimit_resources", 7), "RLIMIT_NOFILE");
  EXPECT_EQ(name("madvise_advice", 4), "MADV_DONTNEED");
  EXPECT_EQ(name("sigprocmask_how", 2), "SIG_SETMASK");
  EXPECT_EQ(name("sigchld_codes", 1), "CLD_EXITED");
  EXPECT_EQ(name("si_codes", static_cast<std::uint64_t>(-6)), "SI_TKILL");
  EXPECT_EQ(name("file_types", 0100000), "S_IFREG");
  EXPECT_EQ(name("epoll_ctl_ops", 1), "EPOLL_CTL_ADD");
  EXPECT_EQ(name("fcntl_cmds", 0x4ff), "");
}

TEST(Xlat, Errno) {
  EXPECT_EQ(errno_name(2), "ENOENT");
  EXPECT_EQ(errno_text(2), "No such file or directory");
  EXPECT_EQ(errno_name(11), "EAGAIN");
  EXPECT_EQ(errno_text(11), "Resource temporarily unavailable");
  EXPECT_EQ(errno_name(25), "ENOTTY");
  EXPECT_EQ(errno_text(25), "Inappropriate ioctl for device");
  EXPECT_EQ(errno_name(107), "ENOTCONN");
  EXPECT_EQ(errno_text(107), "Transport endpoint is not connected");
  EXPECT_EQ(errno_name(95), "EOPNOTSUPP");
  EXPECT_EQ(errno_name(35), "EDEADLK");
  EXPECT_EQ(errno_name(512), "ERESTARTSYS");
  EXPECT_EQ(errno_text(512), "To be restarted if SA_RESTART is set");
  EXPECT_EQ(errno_text(513), "To be restarted");
  EXPECT_EQ(errno_text(514), "To be restarted if no handler");
  EXPECT_EQ(errno_name(516), "ERESTART_RESTARTBLOCK");
  EXPECT_EQ(errno_text(516), "Interrupted by signal");
  EXPECT_EQ(errno_name(0), "");
  EXPECT_EQ(errno_name(4000), "");
}

TEST(Xlat, SignalNames) {
  EXPECT_EQ(signal_name(9), "SIGKILL");
  EXPECT_EQ(signal_name(17), "SIGCHLD");
  EXPECT_EQ(signal_name(31), "SIGSYS");
  EXPECT_EQ(signal_name(32), "SIGRTMIN");
  EXPECT_EQ(signal_name(34), "SIGRT_2");
  EXPECT_EQ(signal_name(64), "SIGRT_32");
  EXPECT_EQ(signal_name(0), "");
  EXPECT_EQ(signal_name(65), "");
}

TEST(Xlat, TableNamesAreUniqueAndEntriesNamed) {
  std::set<std::string_view> seen;
  for (const XlatTable* t : all_xlat_tables()) {
    EXPECT_TRUE(seen.insert(t->name).second) << "two tables named " << t->name;
    EXPECT_FALSE(t->entries.empty()) << t->name;
    for (const auto& e : t->entries) EXPECT_FALSE(e.name.empty()) << t->name;
  }
}

// Every Flags/Enum table a spec names must exist.
TEST(Xlat, EverySpecTableExists) {
  std::set<std::string> missing;
  for (const auto& s : all_syscall_specs())
    for (const auto& a : s.arguments())
      if ((a.kind == ArgKind::Flags || a.kind == ArgKind::Enum) && !find_xlat(a.detail))
        missing.insert(std::string(a.detail) + " (" + std::string(s.name) + ")");
  std::string list;
  for (const auto& m : missing) list += m + " ";
  EXPECT_TRUE(missing.empty()) << "missing xlat tables: " << list;
}

}  // namespace
}  // namespace etrace
