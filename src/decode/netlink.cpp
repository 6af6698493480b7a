// Netlink messages: the nlmsghdr, its type and flags by protocol, several messages, error
// messages with the request they answer, and attribute lists. Family payloads live in
// netlink_*.cpp and are reached through the protocol's entry in kProtocols.
#include "decode/netlink.h"

#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

#include "decode/netlink_internal.h"
#include "etrace/event.h"
#include "format/escape.h"
#include "xlat/xlat.h"

namespace etrace {

namespace nl {

// The bytes up to -s, or the address when they could not all be read.
void print_hex_bytes(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  const std::uint64_t shown = std::min<std::uint64_t>(len, c.ctx.opts.max_strlen);
  if (!c.has(off, shown)) return c.out.pointer(c.addr + off);
  std::string text;
  append_quoted(text, c.bytes.substr(static_cast<std::size_t>(off), static_cast<std::size_t>(shown)), 2, len > shown);
  c.out.verbatim(text);
}

std::string fmt_hex(std::uint64_t v) { return fmt::format("{:#x}", v); }

bool print_enum_value(Emitter& out, const XlatTable* table, std::uint64_t value) {
  const std::string_view name = table ? xlat_name(*table, value) : std::string_view{};
  if (!name.empty()) {
    out.symbol(name, static_cast<std::int64_t>(value), Emitter::Radix::Hex);
    return true;
  }
  if (value == 0) out.uinteger(0);
  else out.hex(value);
  if (table) out.decoded_comment(xlat_unknown_name(*table));
  return false;
}

}  // namespace nl

namespace {

using nl::Ctx;

constexpr std::uint32_t kHdrLen = 16;  // NLMSG_HDRLEN
constexpr std::uint32_t align4(std::uint32_t n) { return (n + 3u) & ~3u; }

struct NlMsgHdr {
  std::uint32_t len;
  std::uint16_t type;
  std::uint16_t flags;
  std::uint32_t seq;
  std::uint32_t pid;
};

const XlatTable* table(std::string_view name) { return find_xlat(name); }

// GET, NEW and DELETE requests name their own flags in the bits above the common ones.
const XlatTable* route_flags(std::uint16_t type) {
  static const XlatTable* const get = table("netlink_get_flags");
  static const XlatTable* const add = table("netlink_new_flags");
  static const XlatTable* const del = table("netlink_delete_flags");
  constexpr std::uint16_t kDelAction = 49;  // RTM_DELACTION takes NLM_F_ROOT
  if (type == kDelAction) return get;
  switch (type & 3) {
    case 0: return add;
    case 1: return del;
    case 2: return get;
    default: return nullptr;
  }
}

const XlatTable* sock_diag_flags(std::uint16_t) {
  static const XlatTable* const get = table("netlink_get_flags");
  return get;
}

const XlatTable* xfrm_flags(std::uint16_t type) {
  switch (type) {
    case 0x10: case 0x13: case 0x1e: case 0x22: case 0x24: return table("netlink_new_flags");
    case 0x11: case 0x14: return table("netlink_delete_flags");
    case 0x12: case 0x15: case 0x1f: case 0x23: case 0x25: return table("netlink_get_flags");
    default: return nullptr;
  }
}

const XlatTable* crypto_flags(std::uint16_t type) {
  switch (type) {
    case 0x10: return table("netlink_new_flags");
    case 0x11: case 0x14: return table("netlink_delete_flags");
    case 0x13: return table("netlink_get_flags");
    default: return nullptr;
  }
}

// The message types of netfilter subsystem `subsys` (NFNL_SUBSYS_*), by its id.
const XlatTable* netfilter_msg_types(unsigned subsys) {
  static constexpr std::string_view kNames[] = {
      {}, "nf_ctnetlink_msg_types", "nf_ctnetlink_exp_msg_types", "nf_queue_msg_types", "nf_ulog_msg_types",
      "nf_osf_msg_types", "nf_ipset_msg_types", "nf_acct_msg_types", "nf_cttimeout_msg_types",
      "nf_cthelper_msg_types", "nf_nftables_msg_types", "nf_nft_compat_msg_types", "nf_hook_msg_types"};
  static const std::array<const XlatTable*, std::size(kNames)> tables = [] {
    std::array<const XlatTable*, std::size(kNames)> t{};
    for (std::size_t i = 1; i < t.size(); ++i) t[i] = find_xlat(kNames[i]);
    return t;
  }();
  return subsys < tables.size() ? tables[subsys] : nullptr;
}

// Netfilter requests: each subsystem says which of its messages create, get or delete.
const XlatTable* netfilter_flags(std::uint16_t type) {
  enum Kind { None, New, Get, Del };
  // Per subsystem, the kind of each message type (index: the low byte).
  static constexpr struct {
    unsigned subsys;
    std::array<Kind, 26> kinds;
  } kRules[] = {
      {1, {New, Get, Del, Get, Get, Get, Get, Get}},  // ctnetlink: NEW GET DELETE GET_CTRZERO GET_STATS_CPU ...
      {2, {New, Get, Del, Get}},                     // ctnetlink_exp
      {7, {New, Get, Get, Del}},                     // acct: NEW GET GET_CTRZERO DEL
      {8, {New, Get, Del}},                          // cttimeout
      {9, {New, Get, Del}},                          // cthelper
      // nftables: NEWTABLE GETTABLE DELTABLE, the same for chains, rules, sets and set elements,
      // NEWGEN GETGEN, TRACE, NEWOBJ GETOBJ DELOBJ GETOBJ_RESET, NEWFLOWTABLE GETFLOWTABLE DELFLOWTABLE
      {10, {New, Get, Del, New, Get, Del, New, Get, Del, New, Get, Del, New, Get, Del, New, Get, None, New, Get, Del,
            Get, New, Get, Del}},
      {11, {Get}},  // nft_compat
      {12, {Get}},  // hook
  };
  const unsigned subsys = type >> 8, msg = type & 0xff;
  for (const auto& r : kRules) {
    if (r.subsys != subsys || msg >= r.kinds.size()) continue;
    switch (r.kinds[msg]) {
      case New: return table("netlink_new_flags");
      case Get: return table("netlink_get_flags");
      case Del: return table("netlink_delete_flags");
      case None: return nullptr;
    }
  }
  return nullptr;
}

// What one protocol changes in the common decoding; a null member keeps the default.
struct Protocol {
  std::string_view types;                              // xlat of its message types
  const XlatTable* (*flags)(std::uint16_t type);       // its request flags by type
  nl::PayloadDecoder payload;                          // its messages' payloads
};

constexpr int kNetlinkRoute = 0, kNetlinkSockDiag = 4, kNetlinkXfrm = 6, kNetlinkSelinux = 7,
              kNetlinkAudit = 9, kNetlinkNetfilter = 12, kNetlinkGeneric = 16, kNetlinkCrypto = 21;

constexpr std::array<Protocol, 22> kProtocols = [] {
  std::array<Protocol, 22> p{};
  p[kNetlinkRoute] = {"nl_route_types", route_flags, nl::decode_route_payload};
  p[kNetlinkSockDiag] = {"nl_sock_diag_types", sock_diag_flags, nl::decode_sock_diag_payload};
  p[kNetlinkXfrm] = {"nl_xfrm_types", xfrm_flags, nullptr};
  p[kNetlinkSelinux] = {"nl_selinux_types", nullptr, nl::decode_selinux_payload};
  p[kNetlinkAudit] = {"nl_audit_types", nullptr, nullptr};
  p[kNetlinkNetfilter] = {"nl_netfilter_subsys_ids", netfilter_flags, nl::decode_netfilter_payload};
  p[kNetlinkGeneric] = {"nl_generic_families", nullptr, nullptr};
  p[kNetlinkCrypto] = {"nl_crypto_types", crypto_flags, nullptr};
  return p;
}();

const Protocol* protocol_entry(int protocol) {
  if (protocol < 0 || static_cast<std::size_t>(protocol) >= kProtocols.size()) return nullptr;
  return &kProtocols[static_cast<std::size_t>(protocol)];
}

void print_type(const Ctx& c, std::uint16_t type) {
  static const XlatTable* const common = table("netlink_types");
  const Protocol* p = protocol_entry(c.protocol);
  if (type < NLMSG_MIN_TYPE || !p || p->types.empty()) {
    nl::print_enum_value(c.out, common, type);
    return;
  }
  if (c.protocol == kNetlinkNetfilter) {
    static const XlatTable* const control = table("nl_netfilter_msg_types");
    static const XlatTable* const subsys = table("nl_netfilter_subsys_ids");
    if (const std::string_view n = xlat_name(*control, type); !n.empty())
      return c.out.symbol(n, type, Emitter::Radix::Hex);
    // A subsystem in the high byte, its message type in the low one.
    const std::string_view s = xlat_name(*subsys, type >> 8);
    std::string text = s.empty() ? nl::fmt_hex(type >> 8) + " /* NFNL_SUBSYS_??? */" : std::string(s);
    text += "<<8|";
    const XlatTable* msgs = netfilter_msg_types(type >> 8);
    const std::string_view m = msgs ? xlat_name(*msgs, type & 0xff) : std::string_view{};
    if (!m.empty()) text += m;
    else {
      text += nl::fmt_hex(type & 0xff);
      if (msgs) text += " /* " + xlat_unknown_name(*msgs) + " */";
    }
    return c.out.symbol(text, type, Emitter::Radix::Hex);
  }
  nl::print_enum_value(c.out, table(p->types), type);
}

void print_flags(const Ctx& c, std::uint16_t flags, std::uint16_t type) {
  static const XlatTable* const common = table("netlink_flags");
  static const XlatTable* const ack = table("netlink_ack_flags");
  const XlatTable* specific = nullptr;
  if (type < NLMSG_MIN_TYPE) specific = type == NLMSG_ERROR ? ack : nullptr;
  else if (const Protocol* p = protocol_entry(c.protocol); p && p->flags) specific = p->flags(type);
  FlagSplit s = xlat_split_flags(*common, flags);
  FlagNames names = s.names;
  std::uint64_t rest = s.rest;
  if (specific && rest) {
    const FlagSplit more = xlat_split_flags(*specific, rest);
    for (std::string_view n : more.names) names.push_back(n);
    rest = more.rest;
  }
  c.out.flags(names, flags, rest);
  if (names.empty() && rest) c.out.decoded_comment("NLM_F_???");
}

void print_header(const Ctx& c, const NlMsgHdr& h) {
  c.out.begin_struct();
  c.out.field("nlmsg_len");
  c.out.uinteger(h.len);
  c.out.field("nlmsg_type");
  print_type(c, h.type);
  c.out.field("nlmsg_flags");
  print_flags(c, h.flags, h.type);
  c.out.field("nlmsg_seq");
  c.out.uinteger(h.seq);
  c.out.field("nlmsg_pid");
  c.out.integer(static_cast<std::int32_t>(h.pid));
  c.out.end_struct();
}

std::optional<NlMsgHdr> header_at(const Ctx& c, std::uint64_t off) {
  if (!c.has(off, kHdrLen)) return std::nullopt;
  NlMsgHdr h;
  std::memcpy(&h, c.bytes.data() + off, sizeof(h));
  return h;
}

void print_message(const Ctx& c, const NlMsgHdr& h, std::uint64_t off, std::uint64_t len);

// struct nlmsgerr: the error, then the header of the request it answers (and, unless the
// kernel capped it, the request's payload), then extended-ack attributes.
void print_error(const Ctx& c, std::uint16_t flags, std::uint64_t off, std::uint64_t len) {
  constexpr std::uint64_t kErrLen = 4 + kHdrLen;
  if (len < kErrLen) return nl::print_hex_bytes(c, off, len);
  if (!c.has(off, kErrLen)) return c.out.pointer(c.addr + off);
  std::int32_t err;
  std::memcpy(&err, c.bytes.data() + off, 4);
  const NlMsgHdr msg = *header_at(c, off + 4);
  off += 4;
  len -= 4;
  const std::uint64_t msg_len = std::max<std::uint64_t>(kHdrLen, msg.len);
  const std::uint64_t payload = std::min(len, (flags & NLM_F_CAPPED) ? kHdrLen : msg_len);
  if (len > payload) c.out.begin_array(), c.out.element();
  c.out.begin_struct();
  c.out.field("error");
  const std::string_view name = err < 0 ? errno_name(-err) : std::string_view{};
  if (!name.empty()) c.out.symbol("-" + std::string(name), err, Emitter::Radix::Dec);
  else c.out.integer(err);
  c.out.field("msg");
  print_message(c, msg, off, payload);
  c.out.end_struct();
  if (len > payload) {
    c.out.element();
    static const XlatTable* const attrs = table("nlmsgerr_attrs");
    static constexpr nl::AttrDecoder kDecoders[] = {nullptr, nl::nla_str, nl::nla_u32, nl::nla_u8_array};
    nl::print_attrs(c, off + payload, len - payload, nl::AttrSet{attrs, kDecoders});
    c.out.end_array();
  }
}

void print_payload(const Ctx& c, const NlMsgHdr& h, std::uint64_t off, std::uint64_t len) {
  if (h.type == NLMSG_ERROR) return print_error(c, h.flags, off, len);
  if (h.type >= NLMSG_MIN_TYPE || h.type == NLMSG_DONE)
    if (const Protocol* p = protocol_entry(c.protocol); p && p->payload && p->payload(c, h.type, off, len)) return;
  if (h.type == NLMSG_DONE && len == 4) {
    if (!c.has(off, 4)) return c.out.pointer(c.addr + off);
    std::int32_t v;
    std::memcpy(&v, c.bytes.data() + off, 4);
    return c.out.integer(v);
  }
  nl::print_hex_bytes(c, off, len);
}

// A header alone, or `[{header}, payload]` when it says more follows within `len`.
void print_message(const Ctx& c, const NlMsgHdr& h, std::uint64_t off, std::uint64_t len) {
  const std::uint64_t msg_len = std::min<std::uint64_t>(h.len, len);
  const bool payload = msg_len > kHdrLen;
  if (payload) c.out.begin_array(), c.out.element();
  print_header(c, h);
  if (!payload) return;
  c.out.element();
  print_payload(c, h, off + kHdrLen, msg_len - kHdrLen);
  c.out.end_array();
}

}  // namespace

std::optional<int> netlink_protocol_of(const SyscallCall& call, int fd_arg) {
  for (const Payload& p : call.payloads) {
    if (p.type != ETRACE_PL_FDINFO || p.arg != fd_arg || p.bytes.size() < sizeof(etrace_fdinfo)) continue;
    etrace_fdinfo k;
    std::memcpy(&k, p.bytes.data(), sizeof(k));
    if (!S_ISSOCK(k.mode) || k.family != AF_NETLINK || k.peer == 0) return std::nullopt;
    return static_cast<int>(k.protocol);
  }
  return std::nullopt;
}

void print_netlink(Emitter& out, const DecodeContext& ctx, int protocol, std::string_view bytes, std::uint64_t len,
                   std::uint64_t addr) {
  const Ctx c{out, ctx, protocol, bytes, addr};
  if (protocol == nl::kNetlinkKobjectUevent) return nl::print_kobject_uevent(c, len);
  bool array = false;
  std::uint64_t off = 0;
  for (std::uint32_t elt = 0;; ++elt) {
    if (len < kHdrLen) {
      if (array) out.element();
      nl::print_hex_bytes(c, off, len);
      break;
    }
    const std::optional<NlMsgHdr> h = header_at(c, off);
    if (!h) {
      if (array) {
        out.ellipsis();
        out.comment(nl::fmt_hex(addr + off));
      } else {
        out.pointer(addr + off);
      }
      break;
    }
    if (!ctx.opts.verbose && elt == ctx.opts.max_strlen) {
      out.ellipsis();
      break;
    }
    const std::uint64_t step = align4(h->len);
    std::uint64_t next_len = 0;
    if (h->len >= kHdrLen) next_len = len >= step ? len - step : 0;
    if (!array && next_len) {
      out.begin_array();
      array = true;
    }
    if (array) out.element();
    print_message(c, *h, off, len);
    if (!next_len) break;
    off += step;
    len = next_len;
  }
  if (array) out.end_array();
}

}  // namespace etrace
