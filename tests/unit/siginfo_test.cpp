// siginfo printing: real siginfo from the kernel (sigtimedwait on a blocked signal this test
// sends itself), and crafted bytes for the kinds a test cannot cause safely, each compared with
// the `--- SIG... {...} ---` line strace 6.1 printed for the same delivery.
#include <gtest/gtest.h>

#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "decode/structs.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

std::string render(const siginfo_t& si) {
  std::string out;
  TextEmitter text(out, TextOptions{});
  DecodeContext ctx;
  // The kernel keeps 48 bytes; the BPF side captures exactly those.
  decode_siginfo(std::string_view(reinterpret_cast<const char*>(&si), 48), ctx, text);
  return out;
}

// Blocks `sig` for the test's lifetime so that it waits in the queue for sigtimedwait.
class Blocked {
 public:
  explicit Blocked(int sig) {
    sigemptyset(&set_);
    sigaddset(&set_, sig);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~Blocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  siginfo_t take() {
    siginfo_t si{};
    timespec ts{5, 0};
    EXPECT_GT(sigtimedwait(&set_, &si, &ts), 0);
    return si;
  }

 private:
  sigset_t set_, old_;
};

TEST(SiginfoTest, SigqueueFromThisProcess) {
  Blocked b(SIGUSR1);
  ASSERT_EQ(sigqueue(getpid(), SIGUSR1, sigval{.sival_int = 42}), 0);
  // --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=3410, si_uid=0, si_int=42, si_ptr=0x2a} ---
  EXPECT_EQ(render(b.take()),
            fmt::format("{{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid={}, si_uid={}, si_int=42, si_ptr=0x2a}}",
                        getpid(), getuid()));
}

TEST(SiginfoTest, KillAndTkill) {
  Blocked b(SIGUSR2);
  ASSERT_EQ(kill(getpid(), SIGUSR2), 0);
  // --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=537, si_uid=0} ---
  EXPECT_EQ(render(b.take()),
            fmt::format("{{si_signo=SIGUSR2, si_code=SI_USER, si_pid={}, si_uid={}}}", getpid(), getuid()));
  // tgkill's SI_TKILL is crafted: what sigtimedwait reports for it varies between kernels.
  siginfo_t si{};
  si.si_signo = SIGINT;
  si.si_code = SI_TKILL;
  si.si_pid = 537;
  // --- SIGINT {si_signo=SIGINT, si_code=SI_TKILL, si_pid=537, si_uid=0} ---
  EXPECT_EQ(render(si), "{si_signo=SIGINT, si_code=SI_TKILL, si_pid=537, si_uid=0}");
}

// pidfd_send_signal.c: a siginfo filled with 0xff; si_errno that has no name prints unsigned.
TEST(SiginfoTest, UnknownErrnoIsUnsigned) {
  siginfo_t si;
  std::memset(&si, 0xff, sizeof si);
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 10671;
  EXPECT_EQ(render(si),
            "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=4294967295, si_pid=10671, si_uid=-1, si_int=-1, "
            "si_ptr=0xffffffffffffffff}");
}

TEST(SiginfoTest, ChildExited) {
  Blocked b(SIGCHLD);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) _exit(3);
  siginfo_t si = b.take();
  waitpid(child, nullptr, 0);
  // --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3968, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---
  EXPECT_EQ(render(si), fmt::format("{{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid={}, si_uid={}, si_status=3, "
                                    "si_utime={}, si_stime={}}}",
                                    child, getuid(), si.si_utime, si.si_stime));
}

TEST(SiginfoTest, ChildKilled) {
  siginfo_t si{};
  si.si_signo = SIGCHLD;
  si.si_code = CLD_KILLED;
  si.si_pid = 548;
  si.si_status = SIGKILL;
  // --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=548, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0} ---
  EXPECT_EQ(render(si),
            "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=548, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0}");
}

TEST(SiginfoTest, ChildTimesInSeconds) {
  siginfo_t si{};
  si.si_signo = SIGCHLD;
  si.si_code = CLD_EXITED;
  si.si_pid = 31211;
  si.si_utime = 4;
  si.si_stime = 11;
  // strace 6.1 on a child that burnt 0.25 s:
  // --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=31211, si_uid=0, si_status=0, si_utime=4 /* 0.04 s */, si_stime=11 /* 0.11 s */} ---
  EXPECT_EQ(render(si), "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=31211, si_uid=0, si_status=0, "
                        "si_utime=4 /* 0.04 s */, si_stime=11 /* 0.11 s */}");
}

TEST(SiginfoTest, Segv) {
  siginfo_t si{};
  si.si_signo = SIGSEGV;
  si.si_code = SEGV_MAPERR;
  // --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---
  EXPECT_EQ(render(si), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}");
  si.si_addr = reinterpret_cast<void*>(0x10);
  // --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---
  EXPECT_EQ(render(si), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
}

TEST(SiginfoTest, AlarmFromKernelAndTimer) {
  siginfo_t si{};
  si.si_signo = SIGALRM;
  si.si_code = SI_KERNEL;
  // alarm(1): --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---
  EXPECT_EQ(render(si), "{si_signo=SIGALRM, si_code=SI_KERNEL}");
  // timer_create + timer_settime with sival_int=7:
  // --- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, si_int=7, si_ptr=0x7} ---
  si.si_code = SI_TIMER;
  si.si_value.sival_ptr = reinterpret_cast<void*>(7);
  EXPECT_EQ(render(si), "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, si_int=7, si_ptr=0x7}");
}

TEST(SiginfoTest, ThroughDecodeStructAndEmptyInfo) {
  siginfo_t si{};
  std::string out;
  TextEmitter text(out, TextOptions{});
  DecodeContext ctx;
  ASSERT_TRUE(decode_struct("siginfo", std::string_view(reinterpret_cast<const char*>(&si), sizeof si), ctx, text));
  EXPECT_EQ(out, "{}");
}

}  // namespace
}  // namespace etrace
