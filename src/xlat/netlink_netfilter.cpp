// nfnetlink: the message types of each netfilter subsystem (the low byte of nlmsg_type; the
// high byte names the subsystem, see nl_netfilter_subsys_ids in netlink.cpp).
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nfnetlink_hook.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netfilter/nfnetlink_osf.h>
#include <linux/netfilter/nfnetlink_queue.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr XlatEntry kCtnetlink[] = {
    XLAT(IPCTNL_MSG_CT_NEW),           XLAT(IPCTNL_MSG_CT_GET),       XLAT(IPCTNL_MSG_CT_DELETE),
    XLAT(IPCTNL_MSG_CT_GET_CTRZERO),   XLAT(IPCTNL_MSG_CT_GET_STATS_CPU), XLAT(IPCTNL_MSG_CT_GET_STATS),
    XLAT(IPCTNL_MSG_CT_GET_DYING),     XLAT(IPCTNL_MSG_CT_GET_UNCONFIRMED)};
constexpr XlatEntry kCtnetlinkExp[] = {XLAT(IPCTNL_MSG_EXP_NEW), XLAT(IPCTNL_MSG_EXP_GET), XLAT(IPCTNL_MSG_EXP_DELETE),
                                       XLAT(IPCTNL_MSG_EXP_GET_STATS_CPU)};
constexpr XlatEntry kQueue[] = {XLAT(NFQNL_MSG_PACKET), XLAT(NFQNL_MSG_VERDICT), XLAT(NFQNL_MSG_CONFIG),
                                XLAT(NFQNL_MSG_VERDICT_BATCH)};
constexpr XlatEntry kUlog[] = {XLAT(NFULNL_MSG_PACKET), XLAT(NFULNL_MSG_CONFIG)};
constexpr XlatEntry kOsf[] = {XLAT(OSF_MSG_ADD), XLAT(OSF_MSG_REMOVE)};
constexpr XlatEntry kIpset[] = {
    XLAT(IPSET_CMD_NONE),  XLAT(IPSET_CMD_PROTOCOL), XLAT(IPSET_CMD_CREATE),  XLAT(IPSET_CMD_DESTROY),
    XLAT(IPSET_CMD_FLUSH), XLAT(IPSET_CMD_RENAME),   XLAT(IPSET_CMD_SWAP),    XLAT(IPSET_CMD_LIST),
    XLAT(IPSET_CMD_SAVE),  XLAT(IPSET_CMD_ADD),      XLAT(IPSET_CMD_DEL),     XLAT(IPSET_CMD_TEST),
    XLAT(IPSET_CMD_HEADER), XLAT(IPSET_CMD_TYPE),    XLAT(IPSET_CMD_RESTORE), XLAT(IPSET_CMD_HELP),
    XLAT(IPSET_CMD_VERSION), XLAT(IPSET_CMD_QUIT),   XLAT(IPSET_CMD_COMMIT)};
constexpr XlatEntry kAcct[] = {XLAT(NFNL_MSG_ACCT_NEW), XLAT(NFNL_MSG_ACCT_GET), XLAT(NFNL_MSG_ACCT_GET_CTRZERO),
                               XLAT(NFNL_MSG_ACCT_DEL), XLAT(NFNL_MSG_ACCT_OVERQUOTA)};
constexpr XlatEntry kCttimeout[] = {XLAT(IPCTNL_MSG_TIMEOUT_NEW), XLAT(IPCTNL_MSG_TIMEOUT_GET),
                                    XLAT(IPCTNL_MSG_TIMEOUT_DELETE), XLAT(IPCTNL_MSG_TIMEOUT_DEFAULT_SET),
                                    XLAT(IPCTNL_MSG_TIMEOUT_DEFAULT_GET)};
constexpr XlatEntry kCthelper[] = {XLAT(NFNL_MSG_CTHELPER_NEW), XLAT(NFNL_MSG_CTHELPER_GET),
                                   XLAT(NFNL_MSG_CTHELPER_DEL)};
constexpr XlatEntry kNftables[] = {
    XLAT(NFT_MSG_NEWTABLE),   XLAT(NFT_MSG_GETTABLE),   XLAT(NFT_MSG_DELTABLE),     XLAT(NFT_MSG_NEWCHAIN),
    XLAT(NFT_MSG_GETCHAIN),   XLAT(NFT_MSG_DELCHAIN),   XLAT(NFT_MSG_NEWRULE),      XLAT(NFT_MSG_GETRULE),
    XLAT(NFT_MSG_DELRULE),    XLAT(NFT_MSG_NEWSET),     XLAT(NFT_MSG_GETSET),       XLAT(NFT_MSG_DELSET),
    XLAT(NFT_MSG_NEWSETELEM), XLAT(NFT_MSG_GETSETELEM), XLAT(NFT_MSG_DELSETELEM),   XLAT(NFT_MSG_NEWGEN),
    XLAT(NFT_MSG_GETGEN),     XLAT(NFT_MSG_TRACE),      XLAT(NFT_MSG_NEWOBJ),       XLAT(NFT_MSG_GETOBJ),
    XLAT(NFT_MSG_DELOBJ),     XLAT(NFT_MSG_GETOBJ_RESET), XLAT(NFT_MSG_NEWFLOWTABLE), XLAT(NFT_MSG_GETFLOWTABLE),
    XLAT(NFT_MSG_DELFLOWTABLE)};
constexpr XlatEntry kNftCompat[] = {XLAT(NFNL_MSG_COMPAT_GET)};
constexpr XlatEntry kHook[] = {XLAT(NFNL_MSG_HOOK_GET)};

constexpr XlatEntry kVersions[] = {XLAT(NFNETLINK_V0)};

constexpr XlatTable kTables[] = {
    {"nf_acct_msg_types", XlatKind::Enum, kAcct, "NFNL_MSG_ACCT_???"},
    {"nf_cthelper_msg_types", XlatKind::Enum, kCthelper, "NFNL_MSG_CTHELPER_???"},
    {"nf_ctnetlink_exp_msg_types", XlatKind::Enum, kCtnetlinkExp, "IPCTNL_MSG_EXP_???"},
    {"nf_ctnetlink_msg_types", XlatKind::Enum, kCtnetlink, "IPCTNL_MSG_CT_???"},
    {"nf_cttimeout_msg_types", XlatKind::Enum, kCttimeout, "IPCTNL_MSG_TIMEOUT_???"},
    {"nf_hook_msg_types", XlatKind::Enum, kHook, "NFT_MSG_HOOK_???"},
    {"nf_ipset_msg_types", XlatKind::Enum, kIpset, "IPSET_CMD_???"},
    {"nf_nft_compat_msg_types", XlatKind::Enum, kNftCompat, "NFNL_MSG_COMPAT_???"},
    {"nf_nftables_msg_types", XlatKind::Enum, kNftables, "NFT_MSG_???"},
    {"nf_osf_msg_types", XlatKind::Enum, kOsf, "OSF_MSG_???"},
    {"nf_queue_msg_types", XlatKind::Enum, kQueue, "NFQNL_MSG_???"},
    {"nf_ulog_msg_types", XlatKind::Enum, kUlog, "NFULNL_MSG_???"},
    {"netfilter_versions", XlatKind::Enum, kVersions, "NFNETLINK_???"},
};

}  // namespace

std::span<const XlatTable> xlat_tables_netfilter() { return kTables; }

}  // namespace etrace
