// struct nlattr lists, and the small families whose payloads need no attributes of their own
// (SELinux's notifications, udev's uevent header).
#include <linux/netlink.h>

#include <algorithm>
#include <string>

#include "decode/netlink_internal.h"

namespace etrace::nl {

namespace {

constexpr std::uint32_t kAttrHdrLen = 4;  // NLA_HDRLEN
constexpr std::uint16_t kTypeMask = static_cast<std::uint16_t>(~(NLA_F_NESTED | NLA_F_NET_BYTEORDER));

void print_attr_header(const Ctx& c, std::uint16_t len, std::uint16_t type, const AttrSet& set) {
  c.out.begin_struct();
  c.out.field("nla_len");
  c.out.uinteger(len);
  c.out.field("nla_type");
  const std::uint16_t bare = type & kTypeMask;
  if (type & (NLA_F_NESTED | NLA_F_NET_BYTEORDER)) {
    // The two flag bits, then the type: one symbol, so -X raw shows the number.
    std::string text;
    if (type & NLA_F_NESTED) text += "NLA_F_NESTED|";
    if (type & NLA_F_NET_BYTEORDER) text += "NLA_F_NET_BYTEORDER|";
    const std::string_view name = set.types ? xlat_name(*set.types, bare) : std::string_view{};
    if (!name.empty()) text += name;
    else {
      text += fmt_hex(bare);
      if (set.types) text += " /* " + xlat_unknown_name(*set.types) + " */";
    }
    c.out.symbol(text, type, Emitter::Radix::Hex);
  } else {
    print_enum_value(c.out, set.types, bare);
  }
  c.out.end_struct();
}

void print_attr(const Ctx& c, std::uint16_t nla_len, std::uint16_t type, std::uint64_t off, std::uint64_t len,
                const AttrSet& set) {
  const std::uint64_t shown = std::min<std::uint64_t>(nla_len, len);
  const bool data = shown > kAttrHdrLen;
  if (data) c.out.begin_array(), c.out.element();
  print_attr_header(c, nla_len, type, set);
  if (!data) return;
  c.out.element();
  const std::uint16_t idx = type & kTypeMask;
  const std::uint64_t doff = off + kAttrHdrLen, dlen = shown - kAttrHdrLen;
  const bool done = idx < set.decoders.size() && set.decoders[idx] && set.decoders[idx](c, doff, dlen);
  if (!done) print_hex_bytes(c, doff, dlen);
  c.out.end_array();
}

}  // namespace

bool readable_or_address(const Ctx& c, std::uint64_t off, std::uint64_t n) {
  if (c.has(off, n)) return true;
  c.out.pointer(c.addr + off);
  return false;
}

bool nla_u32(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (len < 4) return false;
  if (readable_or_address(c, off, 4)) c.out.uinteger(c.get<std::uint32_t>(off));
  return true;
}

// A NUL-terminated string, shown without its NUL; one that lacks it is marked cut.
bool nla_str(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (!readable_or_address(c, off, std::min<std::uint64_t>(len, c.ctx.opts.max_strlen + 1))) return true;
  len = std::min<std::uint64_t>(len, c.bytes.size() - off);
  std::string_view s = c.bytes.substr(static_cast<std::size_t>(off), static_cast<std::size_t>(len));
  bool more = true;
  if (!s.empty() && s.back() == '\0') {
    s.remove_suffix(1);
    more = false;
  }
  if (s.size() > c.ctx.opts.max_strlen) {
    s = s.substr(0, c.ctx.opts.max_strlen);
    more = true;
  }
  c.out.string(s, more);
  return true;
}

// Bytes as an array of numbers: [171, 172].
bool nla_u8_array(const Ctx& c, std::uint64_t off, std::uint64_t len) {
  if (!readable_or_address(c, off, std::min<std::uint64_t>(len, 1))) return true;
  c.out.begin_array();
  for (std::uint64_t k = 0; k < len; ++k) {
    if (!c.ctx.opts.verbose && k == c.ctx.opts.max_strlen) {
      c.out.ellipsis();
      break;
    }
    if (!c.has(off + k, 1)) {
      c.out.ellipsis();
      c.out.comment(fmt_hex(c.addr + off + k));
      break;
    }
    c.out.element();
    c.out.uinteger(c.get<std::uint8_t>(off + k));
  }
  c.out.end_array();
  return true;
}

void print_attrs(const Ctx& c, std::uint64_t off, std::uint64_t len, const AttrSet& set) {
  bool array = false;
  for (std::uint32_t elt = 0;; ++elt) {
    if (len < kAttrHdrLen) {
      if (array) c.out.element();
      print_hex_bytes(c, off, len);
      break;
    }
    if (!c.has(off, kAttrHdrLen)) {
      if (array) {
        c.out.ellipsis();
        c.out.comment(fmt_hex(c.addr + off));
      } else {
        c.out.pointer(c.addr + off);
      }
      break;
    }
    if (!c.ctx.opts.verbose && elt == c.ctx.opts.max_strlen) {
      c.out.ellipsis();
      break;
    }
    const auto nla_len = c.get<std::uint16_t>(off);
    const auto type = c.get<std::uint16_t>(off + 2);
    const std::uint64_t step = (nla_len + 3u) & ~3u;
    std::uint64_t next_len = 0;
    if (nla_len >= kAttrHdrLen) next_len = len >= step ? len - step : 0;
    if (!array && next_len) {
      c.out.begin_array();
      array = true;
    }
    if (array) c.out.element();
    print_attr(c, nla_len, type, off, len, set);
    if (!next_len) break;
    off += step;
    len = next_len;
  }
  if (array) c.out.end_array();
}

// SELNL_MSG_SETENFORCE carries {val}, SELNL_MSG_POLICYLOAD {seqno}.
bool decode_selinux_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len) {
  constexpr std::uint16_t kSetEnforce = 0x10, kPolicyLoad = 0x11;
  if (type != kSetEnforce && type != kPolicyLoad) return false;
  if (len < 4) {
    print_hex_bytes(c, off, len);
    return true;
  }
  if (!c.has(off, 4)) {
    c.out.pointer(c.addr + off);
    return true;
  }
  c.out.begin_struct();
  if (type == kSetEnforce) {
    c.out.field("val");
    c.out.integer(c.get<std::int32_t>(off));
  } else {
    c.out.field("seqno");
    c.out.uinteger(c.get<std::uint32_t>(off));
  }
  c.out.end_struct();
  return true;
}

// struct nfgenmsg, then attributes (or, in batch and control messages, bytes). res_id is in
// network order, but nftables' has been sent in host order too: strace names both.
bool decode_netfilter_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len) {
  constexpr std::uint16_t kBatchBegin = 16, kBatchEnd = 17, kSubsysNftables = 10;
  if (type == NLMSG_DONE) return false;
  if (len < 4) {
    print_hex_bytes(c, off, len);
    return true;
  }
  if (!c.has(off, 4)) {
    c.out.pointer(c.addr + off);
    return true;
  }
  static const XlatTable* const families = find_xlat("address_families");
  static const XlatTable* const versions = find_xlat("netfilter_versions");
  const std::uint16_t raw_res = c.get<std::uint16_t>(off + 2);
  const std::uint16_t res = __builtin_bswap16(raw_res);
  c.out.begin_struct();
  c.out.field("nfgen_family");
  print_enum_value(c.out, families, c.get<std::uint8_t>(off));
  c.out.field("version");
  print_enum_value(c.out, versions, c.get<std::uint8_t>(off + 1));
  c.out.field("res_id");
  const bool nftables = (type >> 8) == kSubsysNftables;
  if (nftables && res == kSubsysNftables) c.out.symbol("htons(NFNL_SUBSYS_NFTABLES)", raw_res, Emitter::Radix::Hex);
  else if (nftables && raw_res == kSubsysNftables) c.out.symbol("NFNL_SUBSYS_NFTABLES", raw_res, Emitter::Radix::Hex);
  else c.out.verbatim("htons(" + std::to_string(res) + ")");
  c.out.end_struct();
  if (len <= 4) return true;
  c.out.element();
  if ((type >= kBatchBegin && type <= kBatchEnd) || type < NLMSG_MIN_TYPE) print_hex_bytes(c, off + 4, len - 4);
  else print_attrs(c, off + 4, len - 4, AttrSet{nullptr, {}});
  return true;
}

// udev's struct udev_monitor_netlink_header ("libudev" and a magic in network order), then the
// properties as a string; anything else is the kernel's own uevent text.
void print_kobject_uevent(const Ctx& c, std::uint64_t len) {
  constexpr std::uint64_t kHeaderLen = 40;
  auto string_at = [&](std::uint64_t off, std::uint64_t want) {
    const std::uint64_t shown = std::min<std::uint64_t>(want, c.ctx.opts.max_strlen);
    if (!c.has(off, shown)) return c.out.pointer(c.addr + off);
    c.out.string(c.bytes.substr(static_cast<std::size_t>(off), static_cast<std::size_t>(shown)), want > shown);
  };
  auto as_string = [&] { string_at(0, len); };
  if (len < kHeaderLen || !c.has(0, kHeaderLen) || c.bytes.substr(0, 8) != std::string_view("libudev\0", 8))
    return as_string();
  auto htonl_field = [&](std::string_view name, std::uint64_t off) {
    c.out.field(name);
    c.out.verbatim("htonl(" + fmt_hex(__builtin_bswap32(c.get<std::uint32_t>(off))) + ")");
  };
  if (len > kHeaderLen) c.out.begin_array(), c.out.element();
  c.out.begin_struct();
  c.out.field("prefix");
  c.out.string("libudev", false);
  htonl_field("magic", 8);
  c.out.field("header_size");
  c.out.uinteger(c.get<std::uint32_t>(12));
  c.out.field("properties_off");
  c.out.uinteger(c.get<std::uint32_t>(16));
  c.out.field("properties_len");
  c.out.uinteger(c.get<std::uint32_t>(20));
  htonl_field("filter_subsystem_hash", 24);
  htonl_field("filter_devtype_hash", 28);
  htonl_field("filter_tag_bloom_hi", 32);
  htonl_field("filter_tag_bloom_lo", 36);
  c.out.end_struct();
  if (len <= kHeaderLen) return;
  c.out.element();
  string_at(kHeaderLen, len - kHeaderLen);
  c.out.end_array();
}

}  // namespace etrace::nl
