// Internal to the netlink decoders (netlink*.cpp): the buffer being shown and the pieces the
// family decoders share.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "decode/decoder.h"
#include "xlat/xlat.h"

namespace etrace::nl {

constexpr int kNetlinkKobjectUevent = 15;

// The captured bytes of the whole buffer (offsets below are from its start) and where it was.
struct Ctx {
  Emitter& out;
  const DecodeContext& ctx;
  int protocol;
  std::string_view bytes;
  std::uint64_t addr;

  bool has(std::uint64_t off, std::uint64_t n) const { return off <= bytes.size() && n <= bytes.size() - off; }
  template <typename T>
  T get(std::uint64_t off) const {  // callers check has(off, sizeof(T)) first
    T v;
    __builtin_memcpy(&v, bytes.data() + off, sizeof(T));
    return v;
  }
};

// Decodes the payload of a message of `type` at [off, off + len); false leaves it to the
// common fallback (the bytes in hex).
using PayloadDecoder = bool (*)(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len);

// An attribute's data at [off, off + len); false shows the bytes in hex instead.
using AttrDecoder = bool (*)(const Ctx& c, std::uint64_t off, std::uint64_t len);

// The attributes of one context: their type names, and decoders indexed by type.
struct AttrSet {
  const XlatTable* types;
  std::span<const AttrDecoder> decoders;
};

// `"\x61\x62"`: bytes strace shows in hex whatever -x says, cut at -s.
void print_hex_bytes(const Ctx& c, std::uint64_t off, std::uint64_t len);
// The name of `value` in `table`, else the number in hex and the table's placeholder comment.
bool print_enum_value(Emitter& out, const XlatTable* table, std::uint64_t value);
// A list of struct nlattr and their data: `[{nla_len=8, nla_type=IFLA_MTU}, 1500]`, several in
// an array.
void print_attrs(const Ctx& c, std::uint64_t off, std::uint64_t len, const AttrSet& set);

std::string fmt_hex(std::uint64_t v);

// True when [off, off + n) was read; otherwise shows the address there, as strace shows what it
// could not read, and returns false.
bool readable_or_address(const Ctx& c, std::uint64_t off, std::uint64_t n);

// Attribute data decoders shared by the families: false when the data is too short for them
// (it then shows in hex).
bool nla_u32(const Ctx& c, std::uint64_t off, std::uint64_t len);
bool nla_str(const Ctx& c, std::uint64_t off, std::uint64_t len);
bool nla_u8_array(const Ctx& c, std::uint64_t off, std::uint64_t len);

// Family payloads.
bool decode_route_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len);
bool decode_sock_diag_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len);
bool decode_netfilter_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len);
bool decode_selinux_payload(const Ctx& c, std::uint16_t type, std::uint64_t off, std::uint64_t len);
// NETLINK_KOBJECT_UEVENT carries no nlmsghdr: udev's monitor header and its properties, or
// else the bytes as a string.
void print_kobject_uevent(const Ctx& c, std::uint64_t len);

}  // namespace etrace::nl
