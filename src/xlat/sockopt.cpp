// Socket option names of the levels net.cpp does not cover (SOL_RAW, SOL_PACKET), and values.
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/socket.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr XlatEntry kSockoptRaw[] = {XLAT(ICMP_FILTER)};
constexpr XlatEntry kSockoptPacket[] = {
    XLAT(PACKET_ADD_MEMBERSHIP), XLAT(PACKET_DROP_MEMBERSHIP), XLAT(PACKET_RECV_OUTPUT), XLAT(PACKET_RX_RING),
    XLAT(PACKET_STATISTICS),     XLAT(PACKET_COPY_THRESH),     XLAT(PACKET_AUXDATA),     XLAT(PACKET_ORIGDEV),
    XLAT(PACKET_VERSION),        XLAT(PACKET_HDRLEN),          XLAT(PACKET_RESERVE),     XLAT(PACKET_TX_RING),
    XLAT(PACKET_LOSS),           XLAT(PACKET_VNET_HDR),        XLAT(PACKET_TX_TIMESTAMP), XLAT(PACKET_TIMESTAMP),
    XLAT(PACKET_FANOUT),         XLAT(PACKET_TX_HAS_OFF),      XLAT(PACKET_QDISC_BYPASS), XLAT(PACKET_ROLLOVER_STATS),
    XLAT(PACKET_FANOUT_DATA),    XLAT(PACKET_IGNORE_OUTGOING)};

constexpr XlatEntry kTxrehashVals[] = {XLAT(SOCK_TXREHASH_DISABLED), XLAT(SOCK_TXREHASH_ENABLED),
                                      XLAT(SOCK_TXREHASH_DEFAULT)};

constexpr XlatTable kTables[] = {
    {"sock_txrehash_vals", XlatKind::Enum, kTxrehashVals, "SOCK_TXREHASH_???"},
    {"sockopt_names_packet", XlatKind::Enum, kSockoptPacket, "PACKET_???"},
    {"sockopt_names_raw", XlatKind::Enum, kSockoptRaw, "RAW_???"},
};

}  // namespace

std::span<const XlatTable> xlat_tables_sockopt() { return kTables; }

}  // namespace etrace
