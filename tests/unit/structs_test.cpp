// Struct printers rendered through the text emitter, compared with what strace 6.1 printed on
// this machine for the same bytes (the strace line is quoted above each expectation).
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/sysmacros.h>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include <fmt/format.h>

#include "decode/structs.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

template <class T>
std::string_view raw(const T& v) {
  return {reinterpret_cast<const char*>(&v), sizeof v};
}

std::string render(std::string_view name, std::string_view bytes, bool verbose = false) {
  std::string out;
  TextEmitter text(out, TextOptions{});
  DecodeContext ctx;
  ctx.opts.verbose = verbose;
  if (!decode_struct(name, bytes, ctx, text)) return "<no printer>";
  return out;
}

// strace writes dates in local time; the expectations were recorded in UTC.
class StructsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    saved_ = tz ? tz : "";
    had_ = tz != nullptr;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (had_) setenv("TZ", saved_.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  std::string saved_;
  bool had_ = false;
};

TEST_F(StructsTest, StatOfRootDefault) {
  struct stat st {};
  ASSERT_EQ(stat("/", &st), 0);
  // newfstatat(AT_FDCWD, "/", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0
  EXPECT_EQ(render("stat", raw(st)),
            fmt::format("{{st_mode=S_IFDIR|0{:03o}, st_size={}, ...}}", st.st_mode & 07777, st.st_size));
}

TEST_F(StructsTest, StatOfCharDeviceShowsRdev) {
  struct stat st {};
  ASSERT_EQ(stat("/dev/null", &st), 0);
  // newfstatat(AT_FDCWD, "/dev/null", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0
  EXPECT_EQ(render("stat", raw(st)), "{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");
}

TEST_F(StructsTest, StatVerbose) {
  struct stat st {};
  st.st_dev = makedev(0, 6);
  st.st_ino = 3;
  st.st_mode = S_IFCHR | 0666;
  st.st_nlink = 1;
  st.st_blksize = 4096;
  st.st_rdev = makedev(1, 3);
  st.st_atim = {1795123648, 702182152};
  st.st_mtim = {1795123648, 702182152};
  st.st_ctim = {1795123648, 0};
  EXPECT_EQ(render("stat", raw(st), true),
            "{st_dev=makedev(0, 0x6), st_ino=3, st_mode=S_IFCHR|0666, st_nlink=1, st_uid=0, st_gid=0, "
            "st_blksize=4096, st_blocks=0, st_rdev=makedev(0x1, 0x3), "
            "st_atime=1795123648 /* 2026-11-19T21:27:28.702182152+0000 */, st_atime_nsec=702182152, "
            "st_mtime=1795123648 /* 2026-11-19T21:27:28.702182152+0000 */, st_mtime_nsec=702182152, "
            "st_ctime=1795123648 /* 2026-11-19T21:27:28+0000 */, st_ctime_nsec=0}");
}

TEST_F(StructsTest, StatShortBytesHaveNoPrinter) {
  EXPECT_EQ(render("stat", std::string(100, '\0')), "<no printer>");
  EXPECT_EQ(render("no_such_struct", std::string(100, '\0')), "<no printer>");
}

TEST_F(StructsTest, Statx) {
  struct statx sx {};
  sx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
  sx.stx_blksize = 4096;
  sx.stx_attributes = STATX_ATTR_MOUNT_ROOT;
  sx.stx_nlink = 21;
  sx.stx_mode = S_IFDIR | 0755;
  sx.stx_ino = 2;
  sx.stx_size = 4096;
  sx.stx_blocks = 8;
  sx.stx_attributes_mask = 0x303874;  // the nine attributes strace listed
  sx.stx_atime = {1795712959, 568804352, 0};
  sx.stx_ctime = {1795712939, 568803163, 0};
  sx.stx_mtime = {1795712939, 568803163, 0};
  sx.stx_dev_major = 254;
  sx.stx_mnt_id = 0x1b;
  EXPECT_EQ(render("statx", raw(sx)),
            "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, "
            "stx_mode=S_IFDIR|0755, stx_size=4096, ...}");
  EXPECT_EQ(render("statx", raw(sx), true),
            "{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, "
            "stx_nlink=21, stx_uid=0, stx_gid=0, stx_mode=S_IFDIR|0755, stx_ino=2, stx_size=4096, stx_blocks=8, "
            "stx_attributes_mask=STATX_ATTR_COMPRESSED|STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND|STATX_ATTR_NODUMP|"
            "STATX_ATTR_ENCRYPTED|STATX_ATTR_AUTOMOUNT|STATX_ATTR_MOUNT_ROOT|STATX_ATTR_VERITY|STATX_ATTR_DAX, "
            "stx_atime={tv_sec=1795712959, tv_nsec=568804352} /* 2026-11-26T17:09:19.568804352+0000 */, "
            "stx_ctime={tv_sec=1795712939, tv_nsec=568803163} /* 2026-11-26T17:08:59.568803163+0000 */, "
            "stx_mtime={tv_sec=1795712939, tv_nsec=568803163} /* 2026-11-26T17:08:59.568803163+0000 */, "
            "stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}");
  // With STATX_BTIME in the mask, a zero btime shows without a date.
  sx.stx_mask = STATX_ALL | STATX_MNT_ID;
  EXPECT_NE(render("statx", raw(sx), true).find("stx_btime={tv_sec=0, tv_nsec=0}, stx_ctime="), std::string::npos);
}

TEST_F(StructsTest, Statfs) {
  struct statfs sf {};
  sf.f_type = 0xef53;
  sf.f_bsize = 4096;
  sf.f_blocks = 66053021;
  sf.f_bfree = 61902465;
  sf.f_bavail = 20933741;
  sf.f_files = 16777216;
  sf.f_ffree = 16367268;
  std::uint32_t fsid[2] = {0x95c61351, 0x94489efe};
  std::memcpy(&sf.f_fsid, fsid, sizeof fsid);
  sf.f_namelen = 255;
  sf.f_frsize = 4096;
  sf.f_flags = 0x1020;
  // statfs("/", {f_type=EXT2_SUPER_MAGIC, ...}) = 0
  EXPECT_EQ(render("statfs", raw(sf)),
            "{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=61902465, f_bavail=20933741, "
            "f_files=16777216, f_ffree=16367268, f_fsid={val=[0x95c61351, 0x94489efe]}, f_namelen=255, "
            "f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}");
}

TEST_F(StructsTest, StatfsOfRealRoot) {
  struct statfs sf {};
  ASSERT_EQ(statfs("/", &sf), 0);
  const std::string s = render("statfs", raw(sf));
  EXPECT_TRUE(s.starts_with("{f_type=")) << s;
  EXPECT_NE(s.find(fmt::format(", f_bsize={}, f_blocks={}, ", sf.f_bsize, sf.f_blocks)), std::string::npos) << s;
}

std::string dirent64(std::uint64_t ino, std::int64_t off, std::uint8_t type, std::string_view name) {
  std::string d(24 + (name.size() + 1 > 5 ? (name.size() + 1 - 5 + 7) / 8 * 8 : 0), '\0');
  const auto reclen = static_cast<std::uint16_t>(d.size());
  std::memcpy(d.data(), &ino, 8);
  std::memcpy(d.data() + 8, &off, 8);
  std::memcpy(d.data() + 16, &reclen, 2);
  d[18] = static_cast<char>(type);
  std::memcpy(d.data() + 19, name.data(), name.size());
  return d;
}

TEST_F(StructsTest, Dirents64) {
  const std::string one = dirent64(247069, 4294967296, DT_DIR, ".");
  ASSERT_EQ(one.size(), 24u);
  // getdents64(3, [{d_ino=247069, d_off=4294967296, d_reclen=24, d_type=DT_DIR, d_name="."}], 30) = 24
  EXPECT_EQ(render("linux_dirent64", one, true),
            "[{d_ino=247069, d_off=4294967296, d_reclen=24, d_type=DT_DIR, d_name=\".\"}]");
  const std::string two = one + dirent64(1056769, 2341381005362002523, DT_REG, "container_info.json");
  EXPECT_EQ(render("linux_dirent64", two, true),
            "[{d_ino=247069, d_off=4294967296, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
            "{d_ino=1056769, d_off=2341381005362002523, d_reclen=40, d_type=DT_REG, d_name=\"container_info.json\"}]");
  // getdents64(3, 0x7ffea9d04a40 /* 1 entries */, 30) = 24
  std::string out;
  TextEmitter text(out, TextOptions{});
  DecodeContext ctx;
  ASSERT_TRUE(decode_struct_at("linux_dirent64", 0x7ffea9d04a40, one, ctx, text));
  EXPECT_EQ(out, "0x7ffea9d04a40 /* 1 entries */");
  out.clear();
  ASSERT_TRUE(decode_struct_at("linux_dirent64", 0x7ffd8a718b10, "", ctx, text));
  EXPECT_EQ(out, "0x7ffd8a718b10 /* 0 entries */");
}

TEST_F(StructsTest, Times) {
  // clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=500}, NULL) = 0
  struct timespec ts = {1, 500};
  EXPECT_EQ(render("timespec", raw(ts)), "{tv_sec=1, tv_nsec=500}");
  struct timeval tv = {1795713866, 735220};
  EXPECT_EQ(render("timeval", raw(tv)), "{tv_sec=1795713866, tv_usec=735220}");
  // futex.c, xselect.c: garbage nanoseconds and microseconds print unsigned, as strace's %llu.
  struct timespec bad_ts = {static_cast<time_t>(0xcafef00ddeadbeefLL), static_cast<long>(0xbadc0dedfacefeedLL)};
  EXPECT_EQ(render("timespec", raw(bad_ts)), "{tv_sec=-3819351491602432273, tv_nsec=13464652301697220333}");
  struct timeval bad_tv = {static_cast<time_t>(0xcafef00ddeadbeefLL), static_cast<suseconds_t>(0xbadc0dedfacefeedLL)};
  EXPECT_EQ(render("timeval", raw(bad_tv)), "{tv_sec=-3819351491602432273, tv_usec=13464652301697220333}");
  // gettimeofday({tv_sec=1795713866, tv_usec=735220}, {tz_minuteswest=0, tz_dsttime=0}) = 0
  struct timezone tz = {0, 0};
  EXPECT_EQ(render("timezone", raw(tz)), "{tz_minuteswest=0, tz_dsttime=0}");
  // timerfd_settime(3, 0, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, ...) = 0
  struct itimerspec its = {{1, 2}, {3, 4}};
  EXPECT_EQ(render("itimerspec", raw(its)), "{it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}");
  // setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=1000}}, NULL) = 0
  struct itimerval itv = {{0, 0}, {0, 1000}};
  EXPECT_EQ(render("itimerval", raw(itv)),
            "{it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=1000}}");
  // times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1717991320
  struct tms t {};
  EXPECT_EQ(render("tms", raw(t)), "{tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}");
  // utimensat's "timespec[2]" form: every whole element as an array.
  struct timespec two[2] = {{1, 2}, {3, 4}};
  EXPECT_EQ(render("timespec[]", raw(two)), "[{tv_sec=1, tv_nsec=2}, {tv_sec=3, tv_nsec=4}]");
}

TEST_F(StructsTest, UtimensatTimes) {
  struct timespec t[2] = {{5, 0}, {1700000000, 500000000}};
  // utimensat(AT_FDCWD, "/tmp/st/u", [{tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 */,
  //           {tv_sec=1700000000, tv_nsec=500000000} /* 2023-11-14T22:13:20.500000000+0000 */], 0) = 0
  EXPECT_EQ(render("timespec[2]", raw(t)),
            "[{tv_sec=5, tv_nsec=0} /* 1970-01-01T00:00:05+0000 */, "
            "{tv_sec=1700000000, tv_nsec=500000000} /* 2023-11-14T22:13:20.500000000+0000 */]");
  struct timespec special[2] = {{0, UTIME_NOW}, {7, UTIME_OMIT}};
  // utimensat(AT_FDCWD, "/tmp/st/u", [UTIME_NOW, UTIME_OMIT], 0) = 0
  EXPECT_EQ(render("timespec[2]", raw(special)), "[UTIME_NOW, UTIME_OMIT]");
  struct timespec zero[2] = {{1, 2000}, {0, 0}};
  // [{tv_sec=1, tv_nsec=2000} /* 1970-01-01T00:00:01.000002000+0000 */, {tv_sec=0, tv_nsec=0}]
  EXPECT_EQ(render("timespec[2]", raw(zero)),
            "[{tv_sec=1, tv_nsec=2000} /* 1970-01-01T00:00:01.000002000+0000 */, {tv_sec=0, tv_nsec=0}]");
}

TEST_F(StructsTest, StackT) {
  stack_t ss{};
  ss.ss_sp = reinterpret_cast<void*>(0x5617346b42a0);
  ss.ss_size = 65536;
  // sigaltstack({ss_sp=0x5617346b42a0, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0
  EXPECT_EQ(render("stack_t", raw(ss)), "{ss_sp=0x5617346b42a0, ss_flags=0, ss_size=65536}");
  ss = {};
  ss.ss_flags = SS_DISABLE;
  EXPECT_EQ(render("stack_t", raw(ss)), "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}");
}

TEST_F(StructsTest, Rlimit) {
  auto rl = [](std::uint64_t cur, std::uint64_t max) {
    struct rlimit r = {cur, max};
    return render("rlimit", raw(r));
  };
  // prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0
  EXPECT_EQ(rl(8192 * 1024, RLIM_INFINITY), "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
  // prlimit64(0, RLIMIT_CORE, {rlim_cur=1024, rlim_max=2*1024}, NULL) = 0
  EXPECT_EQ(rl(1024, 2048), "{rlim_cur=1024, rlim_max=2*1024}");
  EXPECT_EQ(rl(0, 1025), "{rlim_cur=0, rlim_max=1025}");
  EXPECT_EQ(rl(20000, 20000), "{rlim_cur=20000, rlim_max=20000}");
  struct rlimit real {};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &real), 0);
  if (real.rlim_cur % 1024 != 0) {
    EXPECT_EQ(render("rlimit", raw(real)).substr(0, 10 + std::to_string(real.rlim_cur).size()),
              fmt::format("{{rlim_cur={}", real.rlim_cur));
  }
}

TEST_F(StructsTest, Rusage) {
  struct rusage ru {};
  ru.ru_utime = {0, 856};
  ru.ru_maxrss = 1112;
  ru.ru_minflt = 62;
  ru.ru_nvcsw = 77;
  ru.ru_nivcsw = 1;
  // getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=856}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0
  EXPECT_EQ(render("rusage", raw(ru)), "{ru_utime={tv_sec=0, tv_usec=856}, ru_stime={tv_sec=0, tv_usec=0}, ...}");
  EXPECT_EQ(render("rusage", raw(ru), true),
            "{ru_utime={tv_sec=0, tv_usec=856}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1112, ru_ixrss=0, "
            "ru_idrss=0, ru_isrss=0, ru_minflt=62, ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, "
            "ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=77, ru_nivcsw=1}");
}

TEST_F(StructsTest, UtsnameOfThisHost) {
  struct utsname u {};
  ASSERT_EQ(uname(&u), 0);
  // uname({sysname="Linux", nodename="vm", ...}) = 0
  EXPECT_EQ(render("utsname", raw(u)), fmt::format("{{sysname=\"{}\", nodename=\"{}\", ...}}", u.sysname, u.nodename));
  EXPECT_EQ(render("utsname", raw(u), true),
            fmt::format("{{sysname=\"{}\", nodename=\"{}\", release=\"{}\", version=\"{}\", machine=\"{}\", "
                        "domainname=\"{}\"}}",
                        u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname));
}

TEST_F(StructsTest, Sysinfo) {
  struct sysinfo si {};
  si.uptime = 345;
  si.loads[0] = 224;
  si.loads[1] = 3776;
  si.loads[2] = 1952;
  si.totalram = 25325268992;
  si.freeram = 24587362304;
  si.sharedram = 9068544;
  si.bufferram = 43335680;
  si.procs = 89;
  si.mem_unit = 1;
  EXPECT_EQ(render("sysinfo", raw(si)),
            "{uptime=345, loads=[224, 3776, 1952], totalram=25325268992, freeram=24587362304, sharedram=9068544, "
            "bufferram=43335680, totalswap=0, freeswap=0, procs=89, totalhigh=0, freehigh=0, mem_unit=1}");
}

// The kernel's struct sigaction on x86_64.
struct KSigaction {
  std::uint64_t handler, flags, restorer, mask;
};
constexpr std::uint64_t SA_RESTORER = 0x04000000;  // kernel-only; libc headers hide it

TEST_F(StructsTest, Sigaction) {
  // rt_sigaction(SIGUSR1, {sa_handler=0x55ed6ce0c3d9, sa_mask=[CHLD], sa_flags=SA_RESTORER|SA_RESTART,
  //              sa_restorer=0x7f0886a0e050}, NULL, 8) = 0
  KSigaction a{0x55ed6ce0c3d9, SA_RESTORER | SA_RESTART, 0x7f0886a0e050, 1ull << (SIGCHLD - 1)};
  EXPECT_EQ(render("sigaction", raw(a)),
            "{sa_handler=0x55ed6ce0c3d9, sa_mask=[CHLD], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0886a0e050}");
  a = KSigaction{1, SA_RESTORER | SA_RESTART, 0x7f0886a0e050, 0};
  EXPECT_EQ(render("sigaction", raw(a)),
            "{sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0886a0e050}");
  // The old action: {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}
  a = KSigaction{0, 0, 0, 0};
  EXPECT_EQ(render("sigaction", raw(a)), "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}");
  // {sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_SIGINFO|0x100000, ...}
  a = KSigaction{0, SA_RESTORER | SA_SIGINFO | SA_NODEFER | SA_ONSTACK | 0x100000, 0x7fc4ed1b8050, 0};
  EXPECT_EQ(render("sigaction", raw(a)),
            "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_NODEFER|SA_SIGINFO|0x100000, "
            "sa_restorer=0x7fc4ed1b8050}");
}

TEST_F(StructsTest, SigsetFromLibc) {
  sigset_t s;
  sigfillset(&s);
  // rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], NULL, 8) = 0
  EXPECT_EQ(render("sigset", std::string_view(reinterpret_cast<const char*>(&s), 8)), "~[RTMIN RT_1]");
  sigdelset(&s, SIGINT);
  EXPECT_EQ(render("sigset", std::string_view(reinterpret_cast<const char*>(&s), 8)), "~[INT RTMIN RT_1]");
  sigemptyset(&s);
  EXPECT_EQ(render("sigset", std::string_view(reinterpret_cast<const char*>(&s), 8)), "[]");
  // rt_sigprocmask(SIG_BLOCK, [INT TERM RT_2 RT_5 RT_32], NULL, 8) = 0
  for (int sig : {SIGINT, SIGTERM, SIGRTMIN, SIGRTMIN + 3, SIGRTMAX}) sigaddset(&s, sig);
  EXPECT_EQ(render("sigset", std::string_view(reinterpret_cast<const char*>(&s), 8)), "[INT TERM RT_2 RT_5 RT_32]");
  std::uint64_t all = ~0ull;
  EXPECT_EQ(render("sigset", raw(all)), "~[]");
}

TEST_F(StructsTest, Pollfd) {
  struct pollfd p[3] = {{3, POLLIN | POLLPRI, 0}, {4, POLLOUT, POLLOUT}, {-1, 0, 0}};
  // poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, 0) = 1 ([{fd=4, revents=POLLOUT}])
  EXPECT_EQ(render("pollfd", raw(p)), "[{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}]");
  std::string out;
  TextEmitter text(out, TextOptions{});
  decode_pollfd_revents(raw(p), text);
  EXPECT_EQ(out, "[{fd=4, revents=POLLOUT}]");
}

TEST_F(StructsTest, EpollEvent) {
  struct epoll_event ev {};
  ev.events = EPOLLOUT | EPOLLET | EPOLLRDHUP;
  ev.data.u64 = 0x123456789abcULL;
  // epoll_ctl(5, EPOLL_CTL_ADD, 4, {events=EPOLLOUT|EPOLLRDHUP|EPOLLET, data={u32=1450744508, u64=20015998343868}}) = 0
  EXPECT_EQ(render("epoll_event", raw(ev)),
            "{events=EPOLLOUT|EPOLLRDHUP|EPOLLET, data={u32=1450744508, u64=20015998343868}}");
  // epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=3}}], 4, 0) = 1
  struct epoll_event evs[1] = {};
  evs[0].events = EPOLLIN;
  evs[0].data.u64 = 3;
  EXPECT_EQ(render("epoll_event[]", raw(evs)), "[{events=EPOLLIN, data={u32=3, u64=3}}]");
}

TEST_F(StructsTest, IovecWithoutData) {
  struct iovec iov[2] = {{reinterpret_cast<void*>(0x5566aa00), 5}, {nullptr, 0}};
  EXPECT_EQ(render("iovec", raw(iov)), "[{iov_base=0x5566aa00, iov_len=5}, {iov_base=NULL, iov_len=0}]");
}

TEST_F(StructsTest, FdSet) {
  fd_set s;
  FD_ZERO(&s);
  FD_SET(3, &s);
  FD_SET(5, &s);
  // pselect6(6, [3 5], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 0 (Timeout)
  EXPECT_EQ(render("fd_set", std::string_view(reinterpret_cast<const char*>(&s), 1)), "[3 5]");
  FD_ZERO(&s);
  EXPECT_EQ(render("fd_set", std::string_view(reinterpret_cast<const char*>(&s), 1)), "[]");
}

TEST_F(StructsTest, OpenHow) {
  struct open_how how {};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_NO_SYMLINKS;
  // openat2(AT_FDCWD, "/etc/passwd", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, 24) = 7
  EXPECT_EQ(render("open_how", raw(how)), "{flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}");
  how = {};
  how.flags = O_RDWR | O_CREAT;
  how.mode = 0640;
  // openat2(AT_FDCWD, "/tmp/st/x", {flags=O_RDWR|O_CREAT, mode=0640, resolve=0}, 24) = 4
  EXPECT_EQ(render("open_how", raw(how)), "{flags=O_RDWR|O_CREAT, mode=0640, resolve=0}");
}

TEST_F(StructsTest, CloneArgs) {
  struct clone_args ca {};
  ca.flags = CLONE_FILES;
  ca.exit_signal = SIGCHLD;
  // clone3({flags=CLONE_FILES, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = 547
  EXPECT_EQ(render("clone_args", raw(ca)), "{flags=CLONE_FILES, exit_signal=SIGCHLD, stack=NULL, stack_size=0}");
  ca = {};
  ca.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
             CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
  ca.child_tid = ca.parent_tid = 0x7fc3a09ef990;
  ca.stack = 0x7fc3a01ef000;
  ca.stack_size = 0x7fff80;
  ca.tls = 0x7fc3a09ef6c0;
  // glibc's pthread_create, as strace printed it.
  EXPECT_EQ(render("clone_args", raw(ca)),
            "{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|"
            "CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7fc3a09ef990, parent_tid=0x7fc3a09ef990, "
            "exit_signal=0, stack=0x7fc3a01ef000, stack_size=0x7fff80, tls=0x7fc3a09ef6c0}");
}

TEST_F(StructsTest, SchedParam) {
  // sched_getparam(0, [0]) = 0
  struct sched_param sp {};
  EXPECT_EQ(render("sched_param", raw(sp)), "[0]");
}

TEST_F(StructsTest, StatModeNamesSetIdAndStickyBits) {
  // newfstatat(3, "", {st_mode=S_IFREG|S_ISUID|S_ISGID|S_ISVTX|000, st_size=0, ...}, AT_EMPTY_PATH) = 0
  struct stat st {};
  st.st_mode = S_IFREG | 07000;
  EXPECT_EQ(render("stat", raw(st)), "{st_mode=S_IFREG|S_ISUID|S_ISGID|S_ISVTX|000, st_size=0, ...}");
  // newfstatat(AT_FDCWD, "/dev/shm", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=40, ...}, 0) = 0
  st.st_mode = S_IFDIR | 01777;
  st.st_size = 40;
  EXPECT_EQ(render("stat", raw(st)), "{st_mode=S_IFDIR|S_ISVTX|0777, st_size=40, ...}");
}

TEST_F(StructsTest, Sigevent) {
  struct sigevent e {};
  e.sigev_notify = SIGEV_SIGNAL;
  e.sigev_signo = SIGUSR1;
  e.sigev_value.sival_int = 5;
  // timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [0]) = 0
  EXPECT_EQ(render("sigevent", raw(e)), "{sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}");
  struct sigevent n {};
  n.sigev_notify = SIGEV_NONE;
  // timer_create(CLOCK_MONOTONIC, {sigev_signo=0, sigev_notify=SIGEV_NONE}, [1]) = 0
  EXPECT_EQ(render("sigevent", raw(n)), "{sigev_signo=0, sigev_notify=SIGEV_NONE}");
  struct sigevent d {};
  d.sigev_notify = 4;
  d.sigev_signo = SIGALRM;
  d._sigev_un._tid = 3608;
  // timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=3608}, [2]) = 0
  EXPECT_EQ(render("sigevent", raw(d)), "{sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=3608}");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

// strace -v prints a statx time only when stx_mask says it was filled: for a mask of
// STATX_TYPE|STATX_SIZE|STATX_ATIME it shows stx_atime and neither stx_ctime nor stx_mtime.
TEST(StructsStatxMask, TimesFollowTheMask) {
  struct statx sx;
  ASSERT_EQ(statx(AT_FDCWD, "/", 0, STATX_TYPE | STATX_SIZE | STATX_ATIME, &sx), 0);
  sx.stx_mask = STATX_TYPE | STATX_SIZE | STATX_ATIME;
  std::string out;
  TextEmitter e(out, {});
  DecodeContext ctx;
  ctx.opts.verbose = true;
  ASSERT_TRUE(decode_struct("statx", std::string_view(reinterpret_cast<const char*>(&sx), sizeof(sx)), ctx, e));
  EXPECT_NE(out.find("stx_atime="), std::string::npos) << out;
  EXPECT_EQ(out.find("stx_ctime="), std::string::npos) << out;
  EXPECT_EQ(out.find("stx_mtime="), std::string::npos) << out;
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

std::string struct_text(std::string_view name, std::string_view bytes) {
  std::string out;
  TextEmitter e(out, {});
  DecodeContext ctx;
  EXPECT_TRUE(decode_struct(name, bytes, ctx, e));
  return out;
}

// strace 6.1 (setpriv's capget/capset): {version=0 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0},
// {version=_LINUX_CAPABILITY_VERSION_3, pid=1234}, {effective=1<<CAP_CHOWN|1<<CAP_KILL, ...}
TEST(StructsCaps, HeaderAndCapabilitySets) {
  std::uint32_t hdr[2] = {0, 0};
  EXPECT_EQ(struct_text("cap_user_header", {reinterpret_cast<char*>(hdr), 8}),
            "{version=0 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}");
  hdr[0] = 0x20080522;
  hdr[1] = 1234;
  EXPECT_EQ(struct_text("cap_user_header", {reinterpret_cast<char*>(hdr), 8}),
            "{version=_LINUX_CAPABILITY_VERSION_3, pid=1234}");
  // effective: CAP_CHOWN (0) and CAP_KILL (5); permitted: CAP_BPF (39, in the high word).
  std::uint32_t data[6] = {1u << 0 | 1u << 5, 0, 0, 0, 1u << (39 - 32), 0};
  EXPECT_EQ(struct_text("cap_user_data", {reinterpret_cast<char*>(data), 24}),
            "{effective=1<<CAP_CHOWN|1<<CAP_KILL, permitted=1<<CAP_BPF, inheritable=0}");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

class FixedNamer : public FdNamer {
 public:
  std::string describe(std::uint32_t, std::int64_t fd) override { return fd == 3 ? "pipe:[77]" : ""; }
};

// strace -yy: poll([{fd=3<pipe:[77]>, events=POLLIN}], ...) and pselect6(4, [3<pipe:[77]>], ...),
// while the results ("= 1 ([{fd=3, revents=POLLIN}])", "(in [3], ...)") stay bare.
TEST(StructsFds, DecoratedInsideArgumentsOnly) {
  FixedNamer names;
  DecodeContext ctx;
  ctx.fds = &names;
  ctx.opts.decorate_fds = 2;
  struct pollfd pfd = {3, POLLIN, 0};
  const std::string_view bytes(reinterpret_cast<const char*>(&pfd), sizeof(pfd));
  std::string out;
  TextEmitter e(out, {});
  ctx.struct_fds = true;
  ASSERT_TRUE(decode_struct("pollfd", bytes, ctx, e));
  EXPECT_EQ(out, "[{fd=3<pipe:[77]>, events=POLLIN}]");
  const unsigned char set[1] = {1u << 3};
  out.clear();
  ASSERT_TRUE(decode_struct("fd_set", {reinterpret_cast<const char*>(set), 1}, ctx, e));
  EXPECT_EQ(out, "[3<pipe:[77]>]");
  ctx.struct_fds = false;
  out.clear();
  ASSERT_TRUE(decode_struct("fd_set", {reinterpret_cast<const char*>(set), 1}, ctx, e));
  EXPECT_EQ(out, "[3]");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

// strace 6.1: sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0,
// sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, sched_util_min=0,
// sched_util_max=0}, 56, 0) = 0
TEST(StructsSchedAttr, AsStraceShowsIt) {
  unsigned char b[56] = {};
  const std::uint32_t size = 56;
  const std::uint64_t runtime = 1400000;
  std::memcpy(b, &size, 4);
  std::memcpy(b + 24, &runtime, 8);
  EXPECT_EQ(struct_text("sched_attr", {reinterpret_cast<char*>(b), sizeof(b)}),
            "{size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, "
            "sched_runtime=1400000, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}");
}

}  // namespace
}  // namespace etrace
