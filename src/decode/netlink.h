// Netlink messages in socket buffers, shown as strace shows them: one nlmsghdr
// `{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}`,
// a header with its payload `[{...}, payload]`, several messages as an array of those, and
// attribute lists `[{nla_len=8, nla_type=IFLA_MTU}, 1500]`. Names of types and flags depend on
// the socket's protocol (NETLINK_ROUTE, NETLINK_AUDIT, ...), which the kernel side reports for
// the call's fd argument (an ETRACE_PL_FDINFO payload) when the buffer is a send's or a receive's.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "decode/decoder.h"

namespace etrace {

// The protocol of the netlink socket behind argument `fd_arg` when the call ran (NETLINK_ROUTE
// is 0); nullopt when it was no netlink socket, or one not yet bound, which strace's sock_diag
// lookup does not find either, so it shows the bytes as a string.
std::optional<int> netlink_protocol_of(const SyscallCall& call, int fd_arg);

// A buffer of `len` bytes at `addr` sent to or read from a netlink socket of `protocol`: `bytes`
// is what was captured of it (its start; shorter than len when the capture was bounded).
void print_netlink(Emitter& out, const DecodeContext& ctx, int protocol, std::string_view bytes,
                   std::uint64_t len, std::uint64_t addr);

}  // namespace etrace
