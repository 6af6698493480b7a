// NETLINK_ROUTE and NETLINK_SOCK_DIAG payloads: both start with an address family byte. The
// message kinds strace shows as their own structs (ifinfomsg, inet_diag_req_v2, ...) are left
// to the hex fallback until decoded here; the others show as {family=AF_..., data="..."}.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include "decode/netlink_internal.h"
#include "format/escape.h"

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
  if (readable_or_address(c, off, 4)) c.out.integer(c.get<std::int32_t>(off));
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

// "if_nametoindex(\"lo\")" for an interface this machine has, as strace names it, else the number.
void print_ifindex(Emitter& out, std::uint32_t index) {
  char name[IF_NAMESIZE];
  if (index && ::if_indextoname(index, name)) {
    std::string text = "if_nametoindex(";
    append_quoted(text, name);
    text += ')';
    return out.symbol(text, index, Emitter::Radix::Udec);
  }
  out.uinteger(index);
}

// The route messages whose struct is the family byte and a few plain fields: each shown with its
// fields when the message holds the whole struct (else "..."), then its attributes.
struct RouteField {
  enum class Kind : std::uint8_t { U8, U32, Enum8, Ifindex } kind;
  std::string_view name;
  std::uint8_t offset;
  std::string_view table = {};
};

struct RouteStruct {
  std::string_view family_field;
  std::uint8_t size;
  std::span<const RouteField> fields;  // after the family byte
  std::string_view attrs;
  std::span<const AttrDecoder> decoders = {};
};

// A u32 attribute holding flags of `table`.
bool nla_flags32(const Ctx& c, std::uint64_t off, std::uint64_t len, std::string_view table) {
  const XlatTable* t = find_xlat(table);
  if (len < 4 || !t) return false;
  if (!readable_or_address(c, off, 4)) return true;
  const std::uint32_t v = c.get<std::uint32_t>(off);
  const FlagSplit split = xlat_split_flags(*t, v);
  c.out.flags(split.names, v, split.rest);
  if (split.names.empty() && split.rest) c.out.decoded_comment(xlat_unknown_name(*t));
  return true;
}
bool tca_act_flags(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  return nla_flags32(c, off, len, "rtnl_tca_act_flags");
}
bool tca_act_hw_stats(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  return nla_flags32(c, off, len, "rtnl_tca_act_hw_stats");
}
// TCA_ACT_*: KIND, INDEX, FLAGS, HW_STATS, USED_HW_STATS, IN_HW_COUNT decoded; the rest in hex.
constexpr AttrDecoder kTcaActDecoders[] = {nullptr, nla_str,      nullptr,          nla_u32,          nullptr, nullptr,
                                           nullptr, tca_act_flags, tca_act_hw_stats, tca_act_hw_stats, nla_u32};

using K = RouteField::Kind;
constexpr RouteField kDcbFields[] = {{K::Enum8, "cmd", 1, "dcb_commands"}};
constexpr RouteField kBrPortFields[] = {{K::Ifindex, "ifindex", 4}};
constexpr RouteField kAddrLabelFields[] = {
    {K::U8, "ifal_prefixlen", 2}, {K::U8, "ifal_flags", 3}, {K::Ifindex, "ifal_index", 4}, {K::U32, "ifal_seq", 8}};

constexpr RouteStruct kNetconf{"ncm_family", 1, {}, "rtnl_netconf_attrs"};
constexpr RouteStruct kNeighTable{"ndtm_family", 4, {}, "rtnl_neightbl_attrs"};
constexpr RouteStruct kDcb{"dcb_family", 4, kDcbFields, "rtnl_dcb_attrs"};
constexpr RouteStruct kBrPort{"family", 8, kBrPortFields, "rtnl_mdb_attrs"};
constexpr RouteStruct kAddrLabel{"ifal_family", 12, kAddrLabelFields, "rtnl_addrlabel_attrs"};
bool nla_u8(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (len < 1) return false;
  if (readable_or_address(c, off, 1)) c.out.uinteger(c.get<std::uint8_t>(off));
  return true;
}

// struct tc_stats up to its last field (the kernel sends it without the tail padding).
bool tc_stats(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  constexpr std::uint64_t kSize = 36;
  if (len < kSize) return false;
  if (!readable_or_address(c, off, kSize)) return true;
  c.out.begin_struct();
  c.out.field("bytes");
  c.out.uinteger(c.get<std::uint64_t>(off));
  static constexpr std::string_view kNames[] = {"packets", "drops", "overlimits", "bps", "pps", "qlen", "backlog"};
  for (std::size_t k = 0; k < std::size(kNames); ++k) {
    c.out.field(kNames[k]);
    c.out.uinteger(c.get<std::uint32_t>(off + 8 + 4 * k));
  }
  c.out.end_struct();
  return true;
}

bool tc_estimator(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (len < 2) return false;
  if (!readable_or_address(c, off, 2)) return true;
  c.out.begin_struct();
  c.out.field("interval");
  c.out.integer(c.get<std::int8_t>(off));
  c.out.field("ewma_log");
  c.out.uinteger(c.get<std::uint8_t>(off + 1));
  c.out.end_struct();
  return true;
}

// TCA_*: by type; OPTIONS, XSTATS, STATS2 and STAB stay in hex here.
constexpr AttrDecoder kTcDecoders[] = {nullptr, nla_str, nullptr, tc_stats, nullptr, tc_estimator, nla_u32, nullptr,
                                       nullptr, nullptr, nullptr, nla_u32, nla_u8,  nla_u32, nla_u32, nla_u32};
constexpr RouteField kTcFields[] = {
    {K::Ifindex, "tcm_ifindex", 4}, {K::U32, "tcm_handle", 8}, {K::U32, "tcm_parent", 12}, {K::U32, "tcm_info", 16}};
constexpr RouteStruct kTc{"tcm_family", 20, kTcFields, "rtnl_tc_attrs", kTcDecoders};

constexpr RouteStruct kTcAction{"tca_family", 4, {}, "rtnl_tc_action_attrs", kTcaActDecoders};

const RouteStruct* simple_struct_of(std::uint16_t type) {
  switch (type) {
    case RTM_NEWNETCONF: case RTM_DELNETCONF: case RTM_GETNETCONF: return &kNetconf;
    case RTM_NEWNEIGHTBL: case RTM_GETNEIGHTBL: case RTM_SETNEIGHTBL: return &kNeighTable;
    case RTM_GETDCB: case RTM_SETDCB: return &kDcb;
    case RTM_NEWMDB: case RTM_DELMDB: case RTM_GETMDB: return &kBrPort;
    case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL: case RTM_GETADDRLABEL: return &kAddrLabel;
    case RTM_NEWACTION: case RTM_DELACTION: case RTM_GETACTION: return &kTcAction;
    case RTM_NEWQDISC: case RTM_DELQDISC: case RTM_GETQDISC:
    case RTM_NEWTCLASS: case RTM_DELTCLASS: case RTM_GETTCLASS:
    case RTM_NEWTFILTER: case RTM_DELTFILTER: case RTM_GETTFILTER:
    case RTM_NEWCHAIN: case RTM_DELCHAIN: case RTM_GETCHAIN: return &kTc;
    default: return nullptr;
  }
}

void print_simple_struct(const Ctx& c, const RouteStruct& st, std::uint64_t off, std::uint64_t len) {
  static const XlatTable* const families = find_xlat("address_families");
  c.out.begin_struct();
  c.out.field(st.family_field);
  print_enum_value(c.out, families, c.get<std::uint8_t>(off));
  bool attrs = st.fields.empty();
  if (!st.fields.empty()) {
    if (len < st.size) {
      c.out.ellipsis();
    } else if (!c.has(off, st.size)) {
      c.out.element();
      c.out.pointer(c.addr + off + 1);
    } else {
      for (const RouteField& f : st.fields) {
        c.out.field(f.name);
        switch (f.kind) {
          case K::U8: c.out.uinteger(c.get<std::uint8_t>(off + f.offset)); break;
          case K::U32: c.out.uinteger(c.get<std::uint32_t>(off + f.offset)); break;
          case K::Enum8: print_enum_value(c.out, find_xlat(f.table), c.get<std::uint8_t>(off + f.offset)); break;
          case K::Ifindex: print_ifindex(c.out, c.get<std::uint32_t>(off + f.offset)); break;
        }
      }
      attrs = true;
    }
  }
  c.out.end_struct();
  const std::uint64_t aligned = (st.size + 3u) & ~3u;
  if (!attrs || len <= aligned) return;
  c.out.element();
  print_attrs(c, off + aligned, len - aligned, AttrSet{find_xlat(st.attrs), st.decoders});
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
  if (route_type_has_struct(type) && !nsid && !simple_struct_of(type)) return false;
  if (!c.has(off, 1)) {
    c.out.pointer(c.addr + off);
    return true;
  }
  const std::uint8_t family = c.get<std::uint8_t>(off);
  if (const RouteStruct* st = simple_struct_of(type)) print_simple_struct(c, *st, off, len);
  else if (nsid) print_nsid(c, family, off, len);
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
