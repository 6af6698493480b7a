// prctl's sub-options and the constants its arguments take (PR_* beyond the option itself).
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/securebits.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr XlatEntry kMceKill[] = {XLAT(PR_MCE_KILL_CLEAR), XLAT(PR_MCE_KILL_SET)};
constexpr XlatEntry kMceKillPolicy[] = {XLAT(PR_MCE_KILL_LATE), XLAT(PR_MCE_KILL_EARLY), XLAT(PR_MCE_KILL_DEFAULT)};
constexpr XlatEntry kPacEnabledKeys[] = {XLAT(PR_PAC_APIAKEY), XLAT(PR_PAC_APIBKEY), XLAT(PR_PAC_APDAKEY),
                                         XLAT(PR_PAC_APDBKEY)};
// PR_PAC_RESET_KEYS takes the enabled-keys set and the generic key.
constexpr XlatEntry kPacKeys[] = {XLAT(PR_PAC_APIAKEY), XLAT(PR_PAC_APIBKEY), XLAT(PR_PAC_APDAKEY),
                                  XLAT(PR_PAC_APDBKEY), XLAT(PR_PAC_APGAKEY)};
constexpr XlatEntry kSchedCoreCmds[] = {XLAT(PR_SCHED_CORE_GET), XLAT(PR_SCHED_CORE_CREATE),
                                        XLAT(PR_SCHED_CORE_SHARE_TO), XLAT(PR_SCHED_CORE_SHARE_FROM)};
// The kernel's enum pid_type (include/linux/pid.h, not exported).
constexpr XlatEntry kSchedCorePidtypes[] = {XLAT_PAIR(0, "PIDTYPE_PID"), XLAT_PAIR(1, "PIDTYPE_TGID"),
                                            XLAT_PAIR(2, "PIDTYPE_PGID"), XLAT_PAIR(3, "PIDTYPE_SID")};
constexpr XlatEntry kSetMm[] = {
    XLAT(PR_SET_MM_START_CODE), XLAT(PR_SET_MM_END_CODE),  XLAT(PR_SET_MM_START_DATA), XLAT(PR_SET_MM_END_DATA),
    XLAT(PR_SET_MM_START_STACK), XLAT(PR_SET_MM_START_BRK), XLAT(PR_SET_MM_BRK),      XLAT(PR_SET_MM_ARG_START),
    XLAT(PR_SET_MM_ARG_END),    XLAT(PR_SET_MM_ENV_START), XLAT(PR_SET_MM_ENV_END),   XLAT(PR_SET_MM_AUXV),
    XLAT(PR_SET_MM_EXE_FILE),   XLAT(PR_SET_MM_MAP),       XLAT(PR_SET_MM_MAP_SIZE)};
constexpr XlatEntry kSetVma[] = {XLAT(PR_SET_VMA_ANON_NAME)};
constexpr XlatEntry kSmeVlFlags[] = {XLAT(PR_SME_SET_VL_ONEXEC), XLAT(PR_SME_VL_INHERIT)};
constexpr XlatEntry kSveVlFlags[] = {XLAT(PR_SVE_SET_VL_ONEXEC), XLAT(PR_SVE_VL_INHERIT)};
constexpr XlatEntry kSpecCmds[] = {XLAT(PR_SPEC_STORE_BYPASS), XLAT(PR_SPEC_INDIRECT_BRANCH), XLAT(PR_SPEC_L1D_FLUSH)};
constexpr XlatEntry kSpecGetFlags[] = {XLAT(PR_SPEC_NOT_AFFECTED), XLAT(PR_SPEC_PRCTL), XLAT(PR_SPEC_ENABLE),
                                       XLAT(PR_SPEC_DISABLE), XLAT(PR_SPEC_FORCE_DISABLE),
                                       XLAT(PR_SPEC_DISABLE_NOEXEC)};
constexpr XlatEntry kSpecSetFlags[] = {XLAT(PR_SPEC_ENABLE), XLAT(PR_SPEC_DISABLE), XLAT(PR_SPEC_FORCE_DISABLE),
                                       XLAT(PR_SPEC_DISABLE_NOEXEC)};
constexpr XlatEntry kSudCmds[] = {XLAT(PR_SYS_DISPATCH_OFF), XLAT(PR_SYS_DISPATCH_ON)};
constexpr XlatEntry kTaggedAddrEnable[] = {XLAT_PAIR(0, "!PR_TAGGED_ADDR_ENABLE"), XLAT(PR_TAGGED_ADDR_ENABLE)};
constexpr XlatEntry kMteTcf[] = {XLAT(PR_MTE_TCF_NONE), XLAT(PR_MTE_TCF_SYNC), XLAT(PR_MTE_TCF_ASYNC),
                                 XLAT(PR_MTE_TCF_MASK)};
constexpr XlatEntry kTsc[] = {XLAT(PR_TSC_ENABLE), XLAT(PR_TSC_SIGSEGV)};
constexpr XlatEntry kUnalignFlags[] = {XLAT(PR_UNALIGN_NOPRINT), XLAT(PR_UNALIGN_SIGBUS)};
constexpr XlatEntry kFpMode[] = {XLAT_PAIR(1, "PR_FP_MODE_FR"), XLAT_PAIR(2, "PR_FP_MODE_FRE")};
constexpr XlatEntry kSecbits[] = {
    XLAT(SECBIT_NOROOT),    XLAT(SECBIT_NOROOT_LOCKED),    XLAT(SECBIT_NO_SETUID_FIXUP),      XLAT(SECBIT_NO_SETUID_FIXUP_LOCKED),
    XLAT(SECBIT_KEEP_CAPS), XLAT(SECBIT_KEEP_CAPS_LOCKED), XLAT(SECBIT_NO_CAP_AMBIENT_RAISE), XLAT(SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED)};
constexpr XlatEntry kSeccompMode[] = {XLAT(SECCOMP_MODE_DISABLED), XLAT(SECCOMP_MODE_STRICT), XLAT(SECCOMP_MODE_FILTER)};

constexpr XlatTable kTables[] = {
    {"pr_fp_mode", XlatKind::Flags, kFpMode},
    {"pr_mce_kill", XlatKind::Enum, kMceKill},
    {"pr_mce_kill_policy", XlatKind::Enum, kMceKillPolicy, "PR_MCE_KILL_???"},
    {"pr_pac_enabled_keys", XlatKind::Flags, kPacEnabledKeys, "PR_PAC_???"},
    {"pr_pac_keys", XlatKind::Flags, kPacKeys, "PR_PAC_???"},
    {"pr_sched_core_cmds", XlatKind::Enum, kSchedCoreCmds},
    {"pr_sched_core_pidtypes", XlatKind::Enum, kSchedCorePidtypes},
    {"pr_set_mm", XlatKind::Enum, kSetMm},
    {"pr_set_vma", XlatKind::Enum, kSetVma, "PR_SET_VMA_???"},
    {"pr_sme_vl_flags", XlatKind::Flags, kSmeVlFlags},
    {"pr_spec_cmds", XlatKind::Enum, kSpecCmds, "PR_SPEC_???"},
    {"pr_spec_get_flags", XlatKind::Flags, kSpecGetFlags, "PR_SPEC_???"},
    {"pr_spec_set_flags", XlatKind::Enum, kSpecSetFlags, "PR_SPEC_???"},
    {"pr_sud_cmds", XlatKind::Enum, kSudCmds, "PR_SYS_DISPATCH_???"},
    {"pr_sve_vl_flags", XlatKind::Flags, kSveVlFlags},
    {"pr_tagged_addr_enable", XlatKind::Flags, kTaggedAddrEnable},
    {"pr_tagged_addr_mte_tcf", XlatKind::Enum, kMteTcf},
    {"pr_tsc", XlatKind::Enum, kTsc, "PR_TSC_???"},
    {"pr_unalign_flags", XlatKind::Flags, kUnalignFlags, "PR_UNALIGN_???"},
    {"seccomp_mode", XlatKind::Enum, kSeccompMode},
    {"secbits", XlatKind::Flags, kSecbits, "SECBIT_???"},
};

}  // namespace

std::span<const XlatTable> xlat_tables_prctl() { return kTables; }

}  // namespace etrace
