// Time, futexes, polling, eventfd/timerfd, getrandom and the odd ones out.
#include <linux/futex.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/timerfd.h>
#include <ctime>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr XlatEntry kClockIds[] = {
    XLAT(CLOCK_REALTIME), XLAT(CLOCK_MONOTONIC), XLAT(CLOCK_PROCESS_CPUTIME_ID), XLAT(CLOCK_THREAD_CPUTIME_ID),
    XLAT(CLOCK_MONOTONIC_RAW), XLAT(CLOCK_REALTIME_COARSE), XLAT(CLOCK_MONOTONIC_COARSE), XLAT(CLOCK_BOOTTIME),
    XLAT(CLOCK_REALTIME_ALARM), XLAT(CLOCK_BOOTTIME_ALARM), XLAT_PAIR(10, "CLOCK_SGI_CYCLE"), XLAT(CLOCK_TAI)};
constexpr XlatEntry kTimerFlags[] = {XLAT(TIMER_ABSTIME)};
constexpr XlatEntry kTimerfdFlags[] = {XLAT(TFD_CLOEXEC), XLAT(TFD_NONBLOCK)};
constexpr XlatEntry kTimerfdSettimeFlags[] = {XLAT(TFD_TIMER_ABSTIME), XLAT_PAIR(2, "TFD_TIMER_CANCEL_ON_SET")};
constexpr XlatEntry kItimerWhich[] = {XLAT_PAIR(0, "ITIMER_REAL"), XLAT_PAIR(1, "ITIMER_VIRTUAL"),
                                      XLAT_PAIR(2, "ITIMER_PROF")};
constexpr XlatEntry kEventfdFlags[] = {XLAT(EFD_SEMAPHORE), XLAT(EFD_CLOEXEC), XLAT(EFD_NONBLOCK)};
// The command with FUTEX_PRIVATE_FLAG folded in, as strace names it; FUTEX_CLOCK_REALTIME is
// printed as a separate flag.
constexpr std::uint64_t kPriv = FUTEX_PRIVATE_FLAG;
constexpr XlatEntry kFutexOps[] = {
    XLAT(FUTEX_WAIT), XLAT(FUTEX_WAKE), XLAT(FUTEX_FD), XLAT(FUTEX_REQUEUE), XLAT(FUTEX_CMP_REQUEUE),
    XLAT(FUTEX_WAKE_OP), XLAT(FUTEX_LOCK_PI), XLAT(FUTEX_UNLOCK_PI), XLAT(FUTEX_TRYLOCK_PI),
    XLAT(FUTEX_WAIT_BITSET), XLAT(FUTEX_WAKE_BITSET), XLAT(FUTEX_WAIT_REQUEUE_PI), XLAT(FUTEX_CMP_REQUEUE_PI),
    XLAT_PAIR(13, "FUTEX_LOCK_PI2"), XLAT(FUTEX_WAIT_PRIVATE), XLAT(FUTEX_WAKE_PRIVATE),
    XLAT_PAIR(FUTEX_FD | kPriv, "FUTEX_FD|FUTEX_PRIVATE_FLAG"), XLAT(FUTEX_REQUEUE_PRIVATE),
    XLAT(FUTEX_CMP_REQUEUE_PRIVATE), XLAT(FUTEX_WAKE_OP_PRIVATE), XLAT(FUTEX_LOCK_PI_PRIVATE),
    XLAT(FUTEX_UNLOCK_PI_PRIVATE), XLAT(FUTEX_TRYLOCK_PI_PRIVATE), XLAT(FUTEX_WAIT_BITSET_PRIVATE),
    XLAT(FUTEX_WAKE_BITSET_PRIVATE), XLAT(FUTEX_WAIT_REQUEUE_PI_PRIVATE), XLAT(FUTEX_CMP_REQUEUE_PI_PRIVATE),
    XLAT_PAIR(13 | kPriv, "FUTEX_LOCK_PI2_PRIVATE")};
constexpr XlatEntry kFutexOpFlags[] = {XLAT(FUTEX_CLOCK_REALTIME)};
constexpr XlatEntry kEpollCtlOps[] = {XLAT(EPOLL_CTL_ADD), XLAT(EPOLL_CTL_DEL), XLAT(EPOLL_CTL_MOD)};
constexpr XlatEntry kEpollEvents[] = {
    XLAT(EPOLLIN), XLAT(EPOLLPRI), XLAT(EPOLLOUT), XLAT(EPOLLERR), XLAT(EPOLLHUP), XLAT_PAIR(0x20, "EPOLLNVAL"),
    XLAT(EPOLLRDNORM), XLAT(EPOLLRDBAND), XLAT(EPOLLWRNORM), XLAT(EPOLLWRBAND), XLAT(EPOLLMSG), XLAT(EPOLLRDHUP),
    XLAT(EPOLLEXCLUSIVE), XLAT(EPOLLWAKEUP), XLAT(EPOLLONESHOT), XLAT(EPOLLET)};
constexpr XlatEntry kEpollCreate1Flags[] = {XLAT(EPOLL_CLOEXEC)};
constexpr XlatEntry kPollEvents[] = {XLAT(POLLIN),     XLAT(POLLPRI),    XLAT(POLLOUT),    XLAT(POLLERR),
                                     XLAT(POLLHUP),    XLAT(POLLNVAL),   XLAT(POLLRDNORM), XLAT(POLLRDBAND),
                                     XLAT(POLLWRNORM), XLAT(POLLWRBAND), XLAT(POLLMSG),    XLAT(POLLREMOVE),
                                     XLAT(POLLRDHUP)};
constexpr XlatEntry kGetrandomFlags[] = {XLAT(GRND_NONBLOCK), XLAT(GRND_RANDOM), XLAT_PAIR(4, "GRND_INSECURE")};
constexpr XlatEntry kShutdownHow[] = {XLAT_PAIR(0, "SHUT_RD"), XLAT_PAIR(1, "SHUT_WR"), XLAT_PAIR(2, "SHUT_RDWR")};
constexpr XlatEntry kBpfCmds[] = {
    XLAT_PAIR(0, "BPF_MAP_CREATE"), XLAT_PAIR(1, "BPF_MAP_LOOKUP_ELEM"), XLAT_PAIR(2, "BPF_MAP_UPDATE_ELEM"),
    XLAT_PAIR(3, "BPF_MAP_DELETE_ELEM"), XLAT_PAIR(4, "BPF_MAP_GET_NEXT_KEY"), XLAT_PAIR(5, "BPF_PROG_LOAD"),
    XLAT_PAIR(6, "BPF_OBJ_PIN"), XLAT_PAIR(7, "BPF_OBJ_GET"), XLAT_PAIR(8, "BPF_PROG_ATTACH"),
    XLAT_PAIR(9, "BPF_PROG_DETACH"), XLAT_PAIR(10, "BPF_PROG_TEST_RUN"), XLAT_PAIR(11, "BPF_PROG_GET_NEXT_ID"),
    XLAT_PAIR(12, "BPF_MAP_GET_NEXT_ID"), XLAT_PAIR(13, "BPF_PROG_GET_FD_BY_ID"),
    XLAT_PAIR(14, "BPF_MAP_GET_FD_BY_ID"), XLAT_PAIR(15, "BPF_OBJ_GET_INFO_BY_FD"), XLAT_PAIR(16, "BPF_PROG_QUERY"),
    XLAT_PAIR(17, "BPF_RAW_TRACEPOINT_OPEN"), XLAT_PAIR(18, "BPF_BTF_LOAD"), XLAT_PAIR(19, "BPF_BTF_GET_FD_BY_ID"),
    XLAT_PAIR(20, "BPF_TASK_FD_QUERY"), XLAT_PAIR(21, "BPF_MAP_LOOKUP_AND_DELETE_ELEM"),
    XLAT_PAIR(22, "BPF_MAP_FREEZE"), XLAT_PAIR(23, "BPF_BTF_GET_NEXT_ID"), XLAT_PAIR(24, "BPF_MAP_LOOKUP_BATCH"),
    XLAT_PAIR(25, "BPF_MAP_LOOKUP_AND_DELETE_BATCH"), XLAT_PAIR(26, "BPF_MAP_UPDATE_BATCH"),
    XLAT_PAIR(27, "BPF_MAP_DELETE_BATCH"), XLAT_PAIR(28, "BPF_LINK_CREATE"), XLAT_PAIR(29, "BPF_LINK_UPDATE"),
    XLAT_PAIR(30, "BPF_LINK_GET_FD_BY_ID"), XLAT_PAIR(31, "BPF_LINK_GET_NEXT_ID"), XLAT_PAIR(32, "BPF_ENABLE_STATS"),
    XLAT_PAIR(33, "BPF_ITER_CREATE"), XLAT_PAIR(34, "BPF_LINK_DETACH"), XLAT_PAIR(35, "BPF_PROG_BIND_MAP"),
    XLAT_PAIR(36, "BPF_TOKEN_CREATE")};

constexpr XlatEntry kPerfEventOpenFlags[] = {
    XLAT_PAIR(1, "PERF_FLAG_FD_NO_GROUP"), XLAT_PAIR(2, "PERF_FLAG_FD_OUTPUT"), XLAT_PAIR(4, "PERF_FLAG_PID_CGROUP"),
    XLAT_PAIR(8, "PERF_FLAG_FD_CLOEXEC")};

constexpr XlatEntry kIoUringEnterFlags[] = {
    XLAT_PAIR(1, "IORING_ENTER_GETEVENTS"), XLAT_PAIR(2, "IORING_ENTER_SQ_WAKEUP"), XLAT_PAIR(4, "IORING_ENTER_SQ_WAIT"),
    XLAT_PAIR(8, "IORING_ENTER_EXT_ARG"),   XLAT_PAIR(16, "IORING_ENTER_REGISTERED_RING")};
constexpr XlatEntry kLandlockCreateRulesetFlags[] = {XLAT_PAIR(1, "LANDLOCK_CREATE_RULESET_VERSION")};
// landlock_add_rule's rule types as strace 6.1 knows them (LANDLOCK_RULE_NET_PORT is newer).
constexpr XlatEntry kLandlockRuleTypes[] = {XLAT_PAIR(1, "LANDLOCK_RULE_PATH_BENEATH")};

// adjtimex's struct timex: its modes (the single-shot forms first, as strace lists them), its
// status bits, and the clock states the call returns.
constexpr XlatEntry kAdjtimexModes[] = {
    XLAT_PAIR(0xa001, "ADJ_OFFSET_SS_READ"), XLAT_PAIR(0x8001, "ADJ_OFFSET_SINGLESHOT"), XLAT_PAIR(0x0001, "ADJ_OFFSET"),
    XLAT_PAIR(0x0002, "ADJ_FREQUENCY"),      XLAT_PAIR(0x0004, "ADJ_MAXERROR"),          XLAT_PAIR(0x0008, "ADJ_ESTERROR"),
    XLAT_PAIR(0x0010, "ADJ_STATUS"),         XLAT_PAIR(0x0020, "ADJ_TIMECONST"),         XLAT_PAIR(0x0080, "ADJ_TAI"),
    XLAT_PAIR(0x0100, "ADJ_SETOFFSET"),      XLAT_PAIR(0x1000, "ADJ_MICRO"),             XLAT_PAIR(0x2000, "ADJ_NANO"),
    XLAT_PAIR(0x4000, "ADJ_TICK")};
constexpr XlatEntry kAdjtimexStatus[] = {
    XLAT_PAIR(0x0001, "STA_PLL"),       XLAT_PAIR(0x0002, "STA_PPSFREQ"),   XLAT_PAIR(0x0004, "STA_PPSTIME"),
    XLAT_PAIR(0x0008, "STA_FLL"),       XLAT_PAIR(0x0010, "STA_INS"),       XLAT_PAIR(0x0020, "STA_DEL"),
    XLAT_PAIR(0x0040, "STA_UNSYNC"),    XLAT_PAIR(0x0080, "STA_FREQHOLD"),  XLAT_PAIR(0x0100, "STA_PPSSIGNAL"),
    XLAT_PAIR(0x0200, "STA_PPSJITTER"), XLAT_PAIR(0x0400, "STA_PPSWANDER"), XLAT_PAIR(0x0800, "STA_PPSERROR"),
    XLAT_PAIR(0x1000, "STA_CLOCKERR"),  XLAT_PAIR(0x2000, "STA_NANO"),      XLAT_PAIR(0x4000, "STA_MODE"),
    XLAT_PAIR(0x8000, "STA_CLK")};
constexpr XlatEntry kAdjtimexStates[] = {XLAT_PAIR(0, "TIME_OK"),  XLAT_PAIR(1, "TIME_INS"),  XLAT_PAIR(2, "TIME_DEL"),
                                         XLAT_PAIR(3, "TIME_OOP"), XLAT_PAIR(4, "TIME_WAIT"), XLAT_PAIR(5, "TIME_ERROR")};

constexpr XlatTable kTables[] = {
    {"adjtimex_modes", XlatKind::Flags, kAdjtimexModes, "ADJ_???"},
    {"adjtimex_states", XlatKind::Enum, kAdjtimexStates},
    {"adjtimex_status", XlatKind::Flags, kAdjtimexStatus, "STA_???"},
    {"bpf_cmds", XlatKind::Enum, kBpfCmds},
    {"clock_ids", XlatKind::Enum, kClockIds},
    {"epoll_create1_flags", XlatKind::Flags, kEpollCreate1Flags},
    {"epoll_ctl_ops", XlatKind::Enum, kEpollCtlOps},
    {"epoll_events", XlatKind::Flags, kEpollEvents, "EPOLL???"},
    {"eventfd_flags", XlatKind::Flags, kEventfdFlags},
    {"futex_op_flags", XlatKind::Flags, kFutexOpFlags},
    {"futex_ops", XlatKind::Enum, kFutexOps},
    {"getrandom_flags", XlatKind::Flags, kGetrandomFlags},
    {"io_uring_enter_flags", XlatKind::Flags, kIoUringEnterFlags, "IORING_ENTER_???"},
    {"itimer_which", XlatKind::Enum, kItimerWhich},
    {"landlock_create_ruleset_flags", XlatKind::Flags, kLandlockCreateRulesetFlags, "LANDLOCK_CREATE_RULESET_???"},
    {"landlock_rule_types", XlatKind::Enum, kLandlockRuleTypes, "LANDLOCK_RULE_???"},
    {"perf_event_open_flags", XlatKind::Flags, kPerfEventOpenFlags},
    {"poll_events", XlatKind::Flags, kPollEvents, "POLL???"},
    {"shutdown_how", XlatKind::Enum, kShutdownHow},
    {"timer_flags", XlatKind::Flags, kTimerFlags},
    {"timerfd_flags", XlatKind::Flags, kTimerfdFlags},
    {"timerfd_settime_flags", XlatKind::Flags, kTimerfdSettimeFlags},
};

}  // namespace

std::span<const XlatTable> xlat_tables_misc() { return kTables; }

}  // namespace etrace
