#include "proc/proc_net.h"

#include <arpa/inet.h>
#include <linux/netlink.h>

#include <array>
#include <charconv>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace etrace {
namespace {

std::vector<std::string_view> split_ws(std::string_view line, std::size_t max_fields = 64) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size() && out.size() < max_fields) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

template <class F>
void for_each_line(std::string_view text, F&& f) {
  bool header = true;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (header) {  // every /proc/net table starts with a column header
      header = false;
      continue;
    }
    if (f(line)) return;
  }
}

template <class T>
bool parse_num(std::string_view s, T& v, int base = 10) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  return ec == std::errc() && p == s.data() + s.size();
}

// "0100007F:9D85" (addresses are the kernel's raw network-order words printed as native %08X).
std::optional<std::string> parse_inet_addr(std::string_view field, bool* is_any) {
  std::size_t colon = field.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view hex = field.substr(0, colon);
  unsigned port = 0;
  if (!parse_num(field.substr(colon + 1), port, 16)) return std::nullopt;
  if (hex.size() == 8) {
    std::uint32_t w = 0;
    if (!parse_num(hex, w, 16)) return std::nullopt;
    in_addr a;
    a.s_addr = w;
    *is_any = w == 0 && port == 0;
    return format_inet_address(AF_INET, &a, port);
  }
  if (hex.size() == 32) {
    in6_addr a;
    bool zero = true;
    for (int i = 0; i < 4; ++i) {
      std::uint32_t w = 0;
      if (!parse_num(hex.substr(i * 8, 8), w, 16)) return std::nullopt;
      std::memcpy(&a.s6_addr[i * 4], &w, 4);
      zero = zero && w == 0;
    }
    *is_any = zero && port == 0;
    return format_inet_address(AF_INET6, &a, port);
  }
  return std::nullopt;
}

// strace drops the NETLINK_ prefix of <linux/netlink.h>'s names.
struct NetlinkProto {
  int value;
  std::string_view name;
};
constexpr std::array kNetlinkProtos{
    NetlinkProto{NETLINK_ROUTE, "ROUTE"},         NetlinkProto{NETLINK_UNUSED, "UNUSED"},
    NetlinkProto{NETLINK_USERSOCK, "USERSOCK"},   NetlinkProto{NETLINK_FIREWALL, "FIREWALL"},
    NetlinkProto{NETLINK_SOCK_DIAG, "SOCK_DIAG"}, NetlinkProto{NETLINK_NFLOG, "NFLOG"},
    NetlinkProto{NETLINK_XFRM, "XFRM"},           NetlinkProto{NETLINK_SELINUX, "SELINUX"},
    NetlinkProto{NETLINK_ISCSI, "ISCSI"},         NetlinkProto{NETLINK_AUDIT, "AUDIT"},
    NetlinkProto{NETLINK_FIB_LOOKUP, "FIB_LOOKUP"}, NetlinkProto{NETLINK_CONNECTOR, "CONNECTOR"},
    NetlinkProto{NETLINK_NETFILTER, "NETFILTER"}, NetlinkProto{NETLINK_IP6_FW, "IP6_FW"},
    NetlinkProto{NETLINK_DNRTMSG, "DNRTMSG"},     NetlinkProto{NETLINK_KOBJECT_UEVENT, "KOBJECT_UEVENT"},
    NetlinkProto{NETLINK_GENERIC, "GENERIC"},     NetlinkProto{NETLINK_SCSITRANSPORT, "SCSITRANSPORT"},
    NetlinkProto{NETLINK_ECRYPTFS, "ECRYPTFS"},   NetlinkProto{NETLINK_RDMA, "RDMA"},
    NetlinkProto{NETLINK_CRYPTO, "CRYPTO"},       NetlinkProto{NETLINK_SMC, "SMC"},
};

}  // namespace

std::string format_inet_address(int family, const void* addr, unsigned port) {
  char text[INET6_ADDRSTRLEN] = "";
  ::inet_ntop(family, addr, text, sizeof text);
  return family == AF_INET6 ? fmt::format("[{}]:{}", text, port) : fmt::format("{}:{}", text, port);
}

std::optional<std::string_view> netlink_protocol_name(int protocol) {
  for (const auto& p : kNetlinkProtos)
    if (p.value == protocol) return p.name;
  return std::nullopt;
}

std::optional<std::string> find_inet_endpoint(std::string_view table, std::uint64_t inode) {
  std::optional<std::string> found;
  if (inode == 0) return found;  // TIME_WAIT rows have no socket, hence inode 0
  for_each_line(table, [&](std::string_view line) {
    auto f = split_ws(line, 10);
    std::uint64_t ino = 0;
    if (f.size() < 10 || !parse_num(f[9], ino) || ino != inode) return false;
    bool local_any = false, remote_any = false;
    auto local = parse_inet_addr(f[1], &local_any);
    auto remote = parse_inet_addr(f[2], &remote_any);
    if (!local || !remote) return true;
    found = remote_any ? *local : *local + "->" + *remote;
    return true;
  });
  return found;
}

std::optional<std::string> find_netlink_endpoint(std::string_view table, std::uint64_t inode) {
  std::optional<std::string> found;
  for_each_line(table, [&](std::string_view line) {
    auto f = split_ws(line, 10);
    std::uint64_t ino = 0;
    int proto = 0;
    if (f.size() < 10 || !parse_num(f[9], ino) || ino != inode || !parse_num(f[1], proto))
      return false;
    auto name = netlink_protocol_name(proto);
    found = fmt::format("{}:{}", name ? std::string(*name) : std::to_string(proto), f[2]);
    return true;
  });
  return found;
}

std::optional<UnixSockInfo> find_unix_socket(std::string_view table, std::uint64_t inode) {
  std::optional<UnixSockInfo> found;
  for_each_line(table, [&](std::string_view line) {
    auto f = split_ws(line, 7);
    std::uint64_t ino = 0;
    if (f.size() < 7 || !parse_num(f[6], ino) || ino != inode) return false;
    UnixSockInfo info;
    // The path is the rest of the line and may itself contain spaces.
    std::size_t after = static_cast<std::size_t>(f[6].data() + f[6].size() - line.data());
    if (after < line.size()) {
      std::string_view path = line.substr(after + 1);
      info.name = path.starts_with('@') ? std::string(1, '\0') + std::string(path.substr(1))
                                        : std::string(path);
    }
    found = info;
    return true;
  });
  return found;
}

std::string format_unix_endpoint(std::uint64_t inode, const UnixSockInfo& info) {
  std::string out = std::to_string(inode);
  if (info.peer) out += fmt::format("->{}", info.peer);
  if (!info.name.empty()) {
    if (info.name[0] == '\0')
      out += fmt::format(",@\"{}\"", escape_decoration(std::string_view(info.name).substr(1)));
    else
      out += fmt::format(",\"{}\"", escape_decoration(info.name));
  }
  return out;
}

std::string_view proc_net_file_for(std::string_view proto) {
  struct Map {
    std::string_view proto, file;
  };
  static constexpr Map kFiles[] = {
      {"TCP", "tcp"},         {"TCPv6", "tcp6"}, {"UDP", "udp"},   {"UDPv6", "udp6"},
      {"UDPLITE", "udplite"}, {"UDPLITEv6", "udplite6"},           {"RAW", "raw"},
      {"RAWv6", "raw6"},      {"NETLINK", "netlink"},              {"UNIX", "unix"},
      {"UNIX-STREAM", "unix"},
  };
  for (const auto& m : kFiles)
    if (m.proto == proto) return m.file;
  return {};
}

}  // namespace etrace
