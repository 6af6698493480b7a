// NETLINK_ROUTE and NETLINK_SOCK_DIAG payloads: both start with an address family byte. The
// message kinds strace shows as their own structs (ifinfomsg, inet_diag_req_v2, ...) are left
// to the hex fallback until decoded here; the others show as {family=AF_..., data="..."}.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include "decode/netlink_internal.h"

namespace etrace::nl {

namespace {

void print_family_and_data(const Ctx& c, std::uint8_t family, std::uint64_t off, std::uint64_t len) {
  static const XlatTable* const families = find_xlat("address_families");
  c.out.begin_struct();
  c.out.field("family");
  print_enum_value(c.out, families, family);
  if (len > 1) {
    c.out.field("data");
    print_hex_bytes(c, off + 1, len - 1);
  }
  c.out.end_struct();
}

bool nla_s32(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (len < 4) return false;
  c.out.integer(c.get<std::int32_t>(off));
  return true;
}

// RTM_{NEW,DEL,GET}NSID: struct rtgenmsg, then NETNSA_* attributes.
void print_nsid(const Ctx& c, std::uint8_t family, std::uint64_t off, std::uint64_t len) {
  static const XlatTable* const families = find_xlat("address_families");
  static const XlatTable* const attrs = find_xlat("rtnl_nsid_attrs");
  static constexpr AttrDecoder kDecoders[] = {nullptr, nla_s32, nla_u32, nla_s32, nla_s32, nla_s32};
  c.out.begin_struct();
  c.out.field("rtgen_family");
  print_enum_value(c.out, families, family);
  c.out.end_struct();
  constexpr std::uint64_t kStructLen = 4;  // NLMSG_ALIGN(sizeof(struct rtgenmsg))
  if (len <= kStructLen) return;
  c.out.element();
  print_attrs(c, off + kStructLen, len - kStructLen, AttrSet{attrs, kDecoders});
}

// The route message types strace decodes with a struct of their own (by RTM_* - RTM_BASE).
bool route_type_has_struct(std::uint16_t type) {
  switch (type) {
    case RTM_NEWPREFIX:
    case RTM_NEWNDUSEROPT:
      return false;
    default:
      return type >= RTM_BASE && type <= RTM_GETNEXTHOP;
  }
}

}  // namespace

bool decode_route_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len) {
  if (type == NLMSG_DONE) return false;
  const bool nsid = type == RTM_NEWNSID || type == RTM_DELNSID || type == RTM_GETNSID;
  if (route_type_has_struct(type) && !nsid) return false;
  if (!c.has(off, 1)) {
    c.out.pointer(c.addr + off);
    return true;
  }
  const std::uint8_t family = c.get<std::uint8_t>(off);
  if (nsid) print_nsid(c, family, off, len);
  else print_family_and_data(c, family, off, len);
  return true;
}

bool decode_sock_diag_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len) {
  if (type == NLMSG_DONE) return false;
  if (!c.has(off, 1)) {
    c.out.pointer(c.addr + off);
    return true;
  }
  const std::uint8_t family = c.get<std::uint8_t>(off);
  const bool has_struct = family == AF_UNIX || family == AF_INET || family == AF_INET6 || family == AF_NETLINK ||
                          family == AF_PACKET || family == AF_SMC;
  if (has_struct && len > 1) return false;
  print_family_and_data(c, family, off, len);
  return true;
}

}  // namespace etrace::nl
