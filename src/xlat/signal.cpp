// Signals: names as strace prints them, SA_* flags, sigprocmask's how, si_code per signal.
#include <csignal>
#include <sys/signalfd.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr std::string_view kSignalNames[] = {
    "",        "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",  "SIGTRAP",   "SIGABRT", "SIGBUS",
    "SIGFPE",  "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2", "SIGPIPE",   "SIGALRM", "SIGTERM",
    "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",   "SIGTTOU", "SIGURG",
    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",    "SIGPWR",  "SIGSYS",
    "SIGRTMIN"};
constexpr int kSigRtMin = 32;  // the kernel's, not glibc's (which reserves two for itself)
constexpr int kSigRtMax = 64;

// SA_RESTORER first: strace prints it first.
constexpr XlatEntry kSaFlags[] = {XLAT_PAIR(0x04000000, "SA_RESTORER"), XLAT(SA_ONSTACK), XLAT(SA_RESTART),
                                  XLAT_PAIR(0x20000000, "SA_INTERRUPT"), XLAT(SA_NODEFER), XLAT(SA_RESETHAND),
                                  XLAT(SA_SIGINFO), XLAT(SA_NOCLDSTOP), XLAT(SA_NOCLDWAIT)};
constexpr XlatEntry kSaHandlers[] = {XLAT_PAIR(0, "SIG_DFL"), XLAT_PAIR(1, "SIG_IGN"),
                                     XLAT_PAIR(~0ULL, "SIG_ERR")};
constexpr XlatEntry kSigprocmaskHow[] = {XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK)};
// si_code values are ints; negative ones are stored sign-extended to 64 bits.
constexpr XlatEntry kSiCodes[] = {
    XLAT_PAIR(0, "SI_USER"), XLAT_PAIR(0x80, "SI_KERNEL"), XLAT_PAIR(-1, "SI_QUEUE"), XLAT_PAIR(-2, "SI_TIMER"),
    XLAT_PAIR(-3, "SI_MESGQ"), XLAT_PAIR(-4, "SI_ASYNCIO"), XLAT_PAIR(-5, "SI_SIGIO"), XLAT_PAIR(-6, "SI_TKILL"),
    XLAT_PAIR(-7, "SI_DETHREAD"), XLAT_PAIR(-60, "SI_ASYNCNL")};
constexpr XlatEntry kSigchldCodes[] = {XLAT(CLD_EXITED), XLAT(CLD_KILLED), XLAT(CLD_DUMPED),
                                       XLAT(CLD_TRAPPED), XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED)};
constexpr XlatEntry kSigsegvCodes[] = {XLAT(SEGV_MAPERR), XLAT(SEGV_ACCERR), XLAT_PAIR(3, "SEGV_BNDERR"),
                                       XLAT_PAIR(4, "SEGV_PKUERR"), XLAT_PAIR(5, "SEGV_ACCADI"),
                                       XLAT_PAIR(6, "SEGV_ADIDERR"), XLAT_PAIR(7, "SEGV_ADIPERR"),
                                       XLAT_PAIR(8, "SEGV_MTEAERR"), XLAT_PAIR(9, "SEGV_MTESERR"),
                                       XLAT_PAIR(10, "SEGV_CPERR")};
constexpr XlatEntry kSigbusCodes[] = {XLAT(BUS_ADRALN), XLAT(BUS_ADRERR), XLAT(BUS_OBJERR),
                                      XLAT_PAIR(4, "BUS_MCEERR_AR"), XLAT_PAIR(5, "BUS_MCEERR_AO")};
constexpr XlatEntry kSigillCodes[] = {XLAT(ILL_ILLOPC), XLAT(ILL_ILLOPN), XLAT(ILL_ILLADR), XLAT(ILL_ILLTRP),
                                      XLAT(ILL_PRVOPC), XLAT(ILL_PRVREG), XLAT(ILL_COPROC), XLAT(ILL_BADSTK),
                                      XLAT_PAIR(9, "ILL_BADIADDR")};
constexpr XlatEntry kSigfpeCodes[] = {XLAT(FPE_INTDIV), XLAT(FPE_INTOVF), XLAT(FPE_FLTDIV), XLAT(FPE_FLTOVF),
                                      XLAT(FPE_FLTUND), XLAT(FPE_FLTRES), XLAT(FPE_FLTINV), XLAT(FPE_FLTSUB),
                                      XLAT_PAIR(14, "FPE_FLTUNK"), XLAT_PAIR(15, "FPE_CONDTRAP")};
constexpr XlatEntry kSigtrapCodes[] = {XLAT(TRAP_BRKPT), XLAT(TRAP_TRACE), XLAT_PAIR(3, "TRAP_BRANCH"),
                                       XLAT_PAIR(4, "TRAP_HWBKPT"), XLAT_PAIR(5, "TRAP_UNK"),
                                       XLAT_PAIR(6, "TRAP_PERF")};
constexpr XlatEntry kSigpollCodes[] = {XLAT(POLL_IN), XLAT(POLL_OUT), XLAT(POLL_MSG), XLAT(POLL_ERR),
                                       XLAT(POLL_PRI), XLAT(POLL_HUP)};
constexpr XlatEntry kSigsysCodes[] = {XLAT_PAIR(1, "SYS_SECCOMP"), XLAT_PAIR(2, "SYS_USER_DISPATCH")};
constexpr XlatEntry kSignalfdFlags[] = {XLAT(SFD_CLOEXEC), XLAT(SFD_NONBLOCK)};

constexpr XlatEntry kSigaltstackFlags[] = {XLAT_PAIR(1, "SS_ONSTACK"), XLAT_PAIR(2, "SS_DISABLE"),
                                           XLAT_PAIR(1u << 31, "SS_AUTODISARM")};

constexpr XlatEntry kSigevNotify[] = {XLAT_PAIR(0, "SIGEV_SIGNAL"), XLAT_PAIR(1, "SIGEV_NONE"),
                                      XLAT_PAIR(2, "SIGEV_THREAD"), XLAT_PAIR(4, "SIGEV_THREAD_ID")};

constexpr XlatTable kTables[] = {
    {"sa_flags", XlatKind::Flags, kSaFlags},
    {"sa_handlers", XlatKind::Enum, kSaHandlers},
    {"si_codes", XlatKind::Enum, kSiCodes},
    {"sigaltstack_flags", XlatKind::Flags, kSigaltstackFlags},
    {"sigbus_codes", XlatKind::Enum, kSigbusCodes},
    {"sigev_notify", XlatKind::Enum, kSigevNotify},
    {"sigchld_codes", XlatKind::Enum, kSigchldCodes},
    {"sigfpe_codes", XlatKind::Enum, kSigfpeCodes},
    {"sigill_codes", XlatKind::Enum, kSigillCodes},
    {"signalfd_flags", XlatKind::Flags, kSignalfdFlags},
    {"sigpoll_codes", XlatKind::Enum, kSigpollCodes},
    {"sigprocmask_how", XlatKind::Enum, kSigprocmaskHow},
    {"sigsegv_codes", XlatKind::Enum, kSigsegvCodes},
    {"sigsys_codes", XlatKind::Enum, kSigsysCodes},
    {"sigtrap_codes", XlatKind::Enum, kSigtrapCodes},
};

}  // namespace

std::string signal_name(int sig) {
  if (sig > 0 && sig <= kSigRtMin) return std::string(kSignalNames[sig]);
  if (sig > kSigRtMin && sig <= kSigRtMax) return "SIGRT_" + std::to_string(sig - kSigRtMin);
  return {};
}

std::span<const XlatTable> xlat_tables_signal() { return kTables; }

}  // namespace etrace
