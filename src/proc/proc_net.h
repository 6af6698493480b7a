// Socket endpoints for -yy, found by inode in /proc/PID/net/{tcp,tcp6,udp,udp6,unix,netlink},
// and printed exactly as strace 6.1 prints them inside the angle brackets:
//   TCP:[127.0.0.1:41234->127.0.0.1:80]   connected (or a UDP socket after connect)
//   TCP:[127.0.0.1:80]                    listening / bound only
//   TCPv6:[[::1]:80]
//   UNIX-STREAM:[11018->11017,"/tmp/sock"]  peer inode, then the bound name; @"name" when abstract
//   NETLINK:[ROUTE:8777]                  protocol : port id
// Pure functions over the files' text, so tests run on content captured from a real system.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "format/escape.h"  // escape_decoration
#include "proc/procfs.h"

namespace etrace {


// "127.0.0.1:40325->127.0.0.1:46800" or "127.0.0.1:40325" for the socket with this inode in a
// /proc/net/{tcp,udp,tcp6,udp6,raw,...} text; nullopt when it is not listed.
std::optional<std::string> find_inet_endpoint(std::string_view table, std::uint64_t inode);

// "ROUTE:8777" from /proc/net/netlink.
std::optional<std::string> find_netlink_endpoint(std::string_view table, std::uint64_t inode);

// The bound name from /proc/net/unix (no peer: that needs sock_diag). Abstract names get '\0'.
std::optional<UnixSockInfo> find_unix_socket(std::string_view table, std::uint64_t inode);

// "11018->11017,\"/tmp/sock\"" from what sock_diag or /proc/net/unix said.
std::string format_unix_endpoint(std::uint64_t inode, const UnixSockInfo& info);

// "127.0.0.1:80" or "[::1]:80": an address in network order (4 or 16 bytes) and a port.
std::string format_inet_address(int family, const void* addr, unsigned port);

// strace's name of a netlink protocol ("ROUTE" for NETLINK_ROUTE); nullopt when unknown.
std::optional<std::string_view> netlink_protocol_name(int protocol);

// The /proc/net file that lists sockets of this protocol name (from system.sockprotoname:
// "TCP" -> "tcp", "UDPv6" -> "udp6"); empty for protocols without one.
std::string_view proc_net_file_for(std::string_view proto);

}  // namespace etrace
