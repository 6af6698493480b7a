// Memory and System V IPC: PROT_*, MAP_*, MADV_*, MREMAP_*, MS_*, MCL_*, MPOL_*, IPC_*/SHM_*/MSG_*.
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr XlatEntry kProt[] = {XLAT(PROT_NONE), XLAT(PROT_READ), XLAT(PROT_WRITE), XLAT(PROT_EXEC),
                               XLAT_PAIR(0x8, "PROT_SEM"), XLAT(PROT_GROWSDOWN), XLAT(PROT_GROWSUP)};
// The map type (low bits) first; MAP_SHARED_VALIDATE before the two bits it is made of.
constexpr XlatEntry kMapFlags[] = {
    XLAT_PAIR(0x3, "MAP_SHARED_VALIDATE"), XLAT(MAP_SHARED), XLAT(MAP_PRIVATE), XLAT_PAIR(0x8, "MAP_DROPPABLE"),
    XLAT(MAP_FIXED), XLAT(MAP_ANONYMOUS), XLAT(MAP_32BIT), XLAT(MAP_NORESERVE), XLAT(MAP_POPULATE),
    XLAT(MAP_NONBLOCK), XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE), XLAT(MAP_EXECUTABLE), XLAT(MAP_LOCKED),
    XLAT(MAP_STACK), XLAT(MAP_HUGETLB), XLAT_PAIR(0x80000, "MAP_SYNC"), XLAT_PAIR(0x4000000, "MAP_UNINITIALIZED"),
    XLAT_PAIR(0x100000, "MAP_FIXED_NOREPLACE")};
constexpr XlatEntry kMadvise[] = {
    XLAT_PAIR(0, "MADV_NORMAL"), XLAT_PAIR(1, "MADV_RANDOM"), XLAT_PAIR(2, "MADV_SEQUENTIAL"),
    XLAT_PAIR(3, "MADV_WILLNEED"), XLAT_PAIR(4, "MADV_DONTNEED"), XLAT_PAIR(8, "MADV_FREE"),
    XLAT_PAIR(9, "MADV_REMOVE"), XLAT_PAIR(10, "MADV_DONTFORK"), XLAT_PAIR(11, "MADV_DOFORK"),
    XLAT_PAIR(12, "MADV_MERGEABLE"), XLAT_PAIR(13, "MADV_UNMERGEABLE"), XLAT_PAIR(14, "MADV_HUGEPAGE"),
    XLAT_PAIR(15, "MADV_NOHUGEPAGE"), XLAT_PAIR(16, "MADV_DONTDUMP"), XLAT_PAIR(17, "MADV_DODUMP"),
    XLAT_PAIR(18, "MADV_WIPEONFORK"), XLAT_PAIR(19, "MADV_KEEPONFORK"), XLAT_PAIR(20, "MADV_COLD"),
    XLAT_PAIR(21, "MADV_PAGEOUT"), XLAT_PAIR(22, "MADV_POPULATE_READ"), XLAT_PAIR(23, "MADV_POPULATE_WRITE"),
    XLAT_PAIR(24, "MADV_DONTNEED_LOCKED"), XLAT_PAIR(25, "MADV_COLLAPSE"), XLAT_PAIR(100, "MADV_HWPOISON"),
    XLAT_PAIR(101, "MADV_SOFT_OFFLINE"), XLAT_PAIR(102, "MADV_GUARD_INSTALL"), XLAT_PAIR(103, "MADV_GUARD_REMOVE")};
constexpr XlatEntry kMremap[] = {XLAT_PAIR(1, "MREMAP_MAYMOVE"), XLAT_PAIR(2, "MREMAP_FIXED"),
                                 XLAT_PAIR(4, "MREMAP_DONTUNMAP")};
constexpr XlatEntry kMsync[] = {XLAT(MS_SYNC), XLAT(MS_ASYNC), XLAT(MS_INVALIDATE)};
constexpr XlatEntry kMlockall[] = {XLAT(MCL_CURRENT), XLAT(MCL_FUTURE), XLAT_PAIR(4, "MCL_ONFAULT")};
constexpr XlatEntry kMlock[] = {XLAT_PAIR(1, "MLOCK_ONFAULT")};
// The mode flags or'ed into a NUMA policy mode (MPOL_F_*, linux/mempolicy.h).
constexpr XlatEntry kMempolicyModeFlags[] = {XLAT_PAIR(1u << 15, "MPOL_F_STATIC_NODES"),
                                             XLAT_PAIR(1u << 14, "MPOL_F_RELATIVE_NODES"),
                                             XLAT_PAIR(1u << 13, "MPOL_F_NUMA_BALANCING")};
constexpr XlatEntry kMempolicyModes[] = {
    XLAT_PAIR(0, "MPOL_DEFAULT"), XLAT_PAIR(1, "MPOL_PREFERRED"), XLAT_PAIR(2, "MPOL_BIND"),
    XLAT_PAIR(3, "MPOL_INTERLEAVE"), XLAT_PAIR(4, "MPOL_LOCAL"), XLAT_PAIR(5, "MPOL_PREFERRED_MANY")};
// MPOL_WEIGHTED_INTERLEAVE (6, Linux 6.9) is left out: strace 6.1 shows it as 0x6 /* MPOL_??? */.
constexpr XlatEntry kMbindFlags[] = {XLAT_PAIR(1, "MPOL_MF_STRICT"), XLAT_PAIR(2, "MPOL_MF_MOVE"),
                                     XLAT_PAIR(4, "MPOL_MF_MOVE_ALL")};
constexpr XlatEntry kGetMempolicyFlags[] = {XLAT_PAIR(1, "MPOL_F_NODE"), XLAT_PAIR(2, "MPOL_F_ADDR"),
                                            XLAT_PAIR(4, "MPOL_F_MEMS_ALLOWED")};
constexpr XlatEntry kPkeyAccess[] = {XLAT_PAIR(1, "PKEY_DISABLE_ACCESS"), XLAT_PAIR(2, "PKEY_DISABLE_WRITE"),
                                     XLAT_PAIR(4, "PKEY_DISABLE_EXECUTE")};
constexpr XlatEntry kMembarrierCmds[] = {
    XLAT_PAIR(0, "MEMBARRIER_CMD_QUERY"), XLAT_PAIR(1, "MEMBARRIER_CMD_GLOBAL"),
    XLAT_PAIR(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"), XLAT_PAIR(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"),
    XLAT_PAIR(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"), XLAT_PAIR(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"),
    XLAT_PAIR(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
    XLAT_PAIR(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"),
    XLAT_PAIR(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
    XLAT_PAIR(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"),
    XLAT_PAIR(512, "MEMBARRIER_CMD_GET_REGISTRATIONS")};
// IPC_CREAT|IPC_EXCL|0600: the permission bits are printed in octal after the names. msgget and
// semget know IPC_NOWAIT there, shmget the bits of SHM_HUGETLB and SHM_NORESERVE instead.
constexpr XlatEntry kIpcFlags[] = {XLAT(IPC_CREAT), XLAT(IPC_EXCL), XLAT(SHM_HUGETLB), XLAT(SHM_NORESERVE)};
constexpr XlatEntry kIpcResourceFlags[] = {XLAT(IPC_CREAT), XLAT(IPC_EXCL), XLAT(IPC_NOWAIT)};
constexpr XlatEntry kShmatFlags[] = {XLAT(SHM_RDONLY), XLAT(SHM_RND), XLAT(SHM_REMAP), XLAT(SHM_EXEC)};
constexpr XlatEntry kIpcMsgFlags[] = {XLAT(MSG_NOERROR), XLAT(MSG_EXCEPT), XLAT(MSG_COPY), XLAT(IPC_NOWAIT)};
constexpr XlatEntry kMsgctlCmds[] = {XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO),
                                     XLAT(MSG_STAT), XLAT(MSG_INFO), XLAT(MSG_STAT_ANY)};
constexpr XlatEntry kShmctlCmds[] = {XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO),
                                     XLAT(SHM_LOCK), XLAT(SHM_UNLOCK), XLAT(SHM_STAT), XLAT(SHM_INFO),
                                     XLAT(SHM_STAT_ANY)};
constexpr XlatEntry kSemctlCmds[] = {XLAT(IPC_RMID), XLAT(IPC_SET), XLAT(IPC_STAT), XLAT(IPC_INFO),
                                     XLAT(GETPID),   XLAT(GETVAL),  XLAT(GETALL),   XLAT(GETNCNT),
                                     XLAT(GETZCNT),  XLAT(SETVAL),  XLAT(SETALL),   XLAT(SEM_STAT),
                                     XLAT(SEM_INFO), XLAT(SEM_STAT_ANY)};

constexpr XlatTable kTables[] = {
    {"get_mempolicy_flags", XlatKind::Flags, kGetMempolicyFlags},
    {"ipc_flags", XlatKind::Flags, kIpcFlags},
    {"ipc_msg_flags", XlatKind::Flags, kIpcMsgFlags},
    {"ipc_resource_flags", XlatKind::Flags, kIpcResourceFlags},
    {"madvise_advice", XlatKind::Enum, kMadvise},
    {"mbind_flags", XlatKind::Flags, kMbindFlags, "MPOL_???"},
    {"membarrier_cmds", XlatKind::Enum, kMembarrierCmds},
    {"mempolicy_mode_flags", XlatKind::Flags, kMempolicyModeFlags, "MPOL_???"},
    {"mempolicy_modes", XlatKind::Enum, kMempolicyModes},
    {"mlock_flags", XlatKind::Flags, kMlock},
    {"mlockall_flags", XlatKind::Flags, kMlockall},
    {"mmap_flags", XlatKind::Flags, kMapFlags},
    {"mmap_prot", XlatKind::Flags, kProt},
    {"mremap_flags", XlatKind::Flags, kMremap},
    {"msgctl_cmds", XlatKind::Enum, kMsgctlCmds},
    {"msync_flags", XlatKind::Flags, kMsync},
    {"pkey_access_rights", XlatKind::Flags, kPkeyAccess, "PKEY_???"},
    {"semctl_cmds", XlatKind::Enum, kSemctlCmds},
    {"shmat_flags", XlatKind::Flags, kShmatFlags},
    {"shmctl_cmds", XlatKind::Enum, kShmctlCmds},
};

}  // namespace

std::span<const XlatTable> xlat_tables_memory() { return kTables; }

}  // namespace etrace
