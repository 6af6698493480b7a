// getsockopt/setsockopt: the option's name depends on the level, and its value on both.
//
// getsockopt's optlen is read at entry (the buffer's size) and at exit (what the kernel wrote):
// a failed call shows [size]; a successful one [size => written] when they differ, and the value
// as long as the written length says. The value's bytes are what the BPF side read at exit
// through optlen (SockaddrOut), up to 128.
#include <fmt/format.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "decode/printers.h"
#include "decode/sockopt.h"
#include "decode/struct_util.h"
#include "etrace/event.h"
#include "xlat/xlat.h"

namespace etrace {

namespace {

constexpr int kSolRaw = 255;
constexpr int kSolPacket = 263;
constexpr int kSolNetlink = 270;

// The option's name by level, with strace's placeholder for one the table does not know; a level
// without a table shows the number.
void print_optname(const CallView& v, std::int32_t level, std::uint32_t name) {
  struct Level {
    int level;
    std::string_view table, unknown;
  };
  static constexpr Level kLevels[] = {
      {SOL_IP, "sockopt_names_ip", "IP_???"},       {SOL_SOCKET, "sockopt_names_socket", "SO_???"},
      {6 /* SOL_TCP */, "sockopt_names_tcp", "TCP_???"},    {SOL_IPV6, "sockopt_names_ipv6", "IPV6_???"},
      {kSolRaw, "sockopt_names_raw", "RAW_???"},    {kSolPacket, "sockopt_names_packet", "PACKET_???"},
      {kSolNetlink, "sockopt_names_netlink", "NETLINK_???"}};
  v.out.arg("optname");
  for (const Level& l : kLevels) {
    if (l.level != level) continue;
    const XlatTable* t = find_xlat(l.table);
    const std::string_view n = t ? xlat_name(*t, name) : std::string_view();
    if (!n.empty()) return v.out.symbol(n, name);
    name ? v.out.hex(name) : v.out.uinteger(0);
    return v.out.decoded_comment(l.unknown);
  }
  v.out.uinteger(name);
}

void print_level(const CallView& v) {
  v.out.arg("level");
  const auto level = static_cast<std::uint32_t>(v.arg(1));
  const XlatTable* t = find_xlat("socket_levels");
  const std::string_view n = t ? xlat_name(*t, level) : std::string_view();
  if (!n.empty()) return v.out.symbol(n, level);
  level ? v.out.hex(level) : v.out.uinteger(0);
  v.out.decoded_comment("SOL_??");
}

// The options whose value is an int (strace's list for SOL_SOCKET).
bool int_like(std::uint32_t name) {
  switch (name) {
    case SO_DEBUG: case SO_REUSEADDR: case SO_DONTROUTE: case SO_BROADCAST: case SO_SNDBUF: case SO_RCVBUF:
    case SO_KEEPALIVE: case SO_OOBINLINE: case SO_NO_CHECK: case SO_PRIORITY: case SO_BSDCOMPAT: case SO_REUSEPORT:
    case SO_PASSCRED: case SO_RCVLOWAT: case SO_SNDLOWAT: case SO_DETACH_FILTER: case SO_TIMESTAMP_OLD:
    case SO_ACCEPTCONN: case SO_SNDBUFFORCE: case SO_RCVBUFFORCE: case SO_PASSSEC: case SO_TIMESTAMPNS_OLD:
    case SO_MARK: case SO_TIMESTAMPING_OLD: case SO_RXQ_OVFL: case SO_WIFI_STATUS: case SO_PEEK_OFF: case SO_NOFCS:
    case SO_LOCK_FILTER: case SO_SELECT_ERR_QUEUE: case SO_BUSY_POLL: case SO_INCOMING_CPU: case SO_CNX_ADVICE:
    case SO_INCOMING_NAPI_ID: case SO_ZEROCOPY: case SO_TIMESTAMP_NEW: case SO_TIMESTAMPNS_NEW:
    case SO_TIMESTAMPING_NEW: case SO_DETACH_REUSEPORT_BPF: case SO_PREFER_BUSY_POLL: case SO_BUSY_POLL_BUDGET:
    case SO_RESERVE_MEM: case 75 /* SO_RCVMARK */:
      return true;
    default: return false;
  }
}

void int_value(Emitter& out, std::string_view b) {
  out.begin_array();
  out.element();
  out.integer(structs::Bytes(b).s32(0));
  out.end_array();
}

// Every byte as \xNN: strace's way with a value too short for its type ("\x00\x00\x00").
void hex_string(Emitter& out, std::string_view b) {
  std::string s = "\"";
  for (unsigned char c : b) s += fmt::format("\\x{:02x}", c);
  out.verbatim(s + "\"");
}

constexpr std::uint32_t kSoTxrehash = 74;  // SO_TXREHASH (Linux 6.0)

// [SOCK_TXREHASH_ENABLED], [2 /* SOCK_TXREHASH_??? */]: a number strace shows in decimal.
void print_txrehash(Emitter& out, std::string_view b) {
  const std::int32_t val = structs::Bytes(b).s32(0);
  const XlatTable* t = find_xlat("sock_txrehash_vals");
  const std::string_view n = t && val >= 0 ? xlat_name(*t, static_cast<std::uint64_t>(val)) : std::string_view();
  out.begin_array();
  out.element();
  if (!n.empty()) {
    out.symbol(n, val, Emitter::Radix::Dec);
  } else {
    out.integer(val);
    out.decoded_comment("SOCK_TXREHASH_???");
  }
  out.end_array();
}

// [1, 4]: NETLINK_LIST_MEMBERSHIPS's groups, as many whole u32 as both lengths allow.
void print_u32_array(Emitter& out, std::string_view b) {
  out.begin_array();
  for (std::size_t off = 0; off + 4 <= b.size(); off += 4) {
    out.element();
    out.uinteger(structs::Bytes(b).u32(off));
  }
  out.end_array();
}

// Fields of a struct the kernel may have cut short (getsockopt fills at most optlen bytes): each
// field the bytes hold whole, then the start of the next one in hex, then nothing.
class PartialStruct {
 public:
  PartialStruct(Emitter& out, std::string_view b) : out_(out), b_(b) { out_.begin_struct(); }
  ~PartialStruct() { out_.end_struct(); }
  // False when the field is not there (and the ones after it are not either).
  template <typename Print>
  bool field(std::string_view name, std::size_t off, std::size_t size, Print print) {
    if (b_.size() <= off) return false;
    out_.field(name);
    if (b_.size() < off + size) {
      hex_string(out_, b_.substr(off));
      return false;
    }
    print(structs::Bytes(b_));
    return true;
  }

 private:
  Emitter& out_;
  std::string_view b_;
};

void print_linger(Emitter& out, std::string_view b) {
  PartialStruct s(out, b);
  s.field("l_onoff", 0, 4, [&](const structs::Bytes& x) { out.integer(x.s32(0)); }) &&
      s.field("l_linger", 4, 4, [&](const structs::Bytes& x) { out.integer(x.s32(4)); });
}

void print_id(Emitter& out, std::uint32_t id) { id == UINT32_MAX ? out.integer(-1) : out.uinteger(id); }

void print_ucred(Emitter& out, std::string_view b) {
  PartialStruct s(out, b);
  s.field("pid", 0, 4, [&](const structs::Bytes& x) { out.integer(x.s32(0)); }) &&
      s.field("uid", 4, 4, [&](const structs::Bytes& x) { print_id(out, x.u32(4)); }) &&
      s.field("gid", 8, 4, [&](const structs::Bytes& x) { print_id(out, x.u32(8)); });
}

void print_tpacket_stats(Emitter& out, std::string_view b) {
  static constexpr std::string_view kFields[] = {"tp_packets", "tp_drops", "tp_freeze_q_cnt"};
  PartialStruct s(out, b);
  for (std::size_t i = 0; i < 3; ++i)
    if (!s.field(kFields[i], i * 4, 4, [&](const structs::Bytes& x) { out.uinteger(x.u32(i * 4)); })) break;
}

// getsockopt's value after a successful call: `len` is what the kernel wrote to optlen.
void print_got_value(const CallView& v, std::int32_t level, std::uint32_t name, std::int64_t ulen, std::int64_t rlen) {
  const std::uint64_t addr = v.arg(3);
  const Payload* p = exit_payload(v.call, 3);
  if (ulen <= 0 || rlen <= 0 || !addr || !v.ctx.opts.deref || !p) return v.out.pointer(addr);
  // The copy runs to the page's end or 128 bytes: the value is what the kernel wrote.
  const std::string_view b = std::string_view(p->bytes).substr(0, static_cast<std::size_t>(rlen));
  if (level == SOL_SOCKET) {
    switch (name) {
      case SO_LINGER: return print_linger(v.out, b.substr(0, 8));
      case SO_PEERCRED: return print_ucred(v.out, b.substr(0, 12));
      case SO_ERROR: {
        if (rlen < 4) return hex_string(v.out, b);
        const auto err = static_cast<std::int32_t>(structs::Bytes(b).u32(0));
        const std::string_view n = errno_name(err);
        v.out.begin_array();
        v.out.element();
        n.empty() ? v.out.integer(err) : v.out.symbol(n, err, Emitter::Radix::Dec);
        return v.out.end_array();
      }
      case kSoTxrehash:
        if (rlen < 4) return hex_string(v.out, b);
        return b.size() >= 4 ? print_txrehash(v.out, b) : v.out.pointer(addr);
      default:
        if (int_like(name)) return rlen >= 4 && b.size() >= 4 ? int_value(v.out, b) : hex_string(v.out, b);
    }
  } else if (level == kSolPacket && name == PACKET_STATISTICS) {
    return print_tpacket_stats(v.out, b.substr(0, 12));
  } else if (level == kSolNetlink && name == NETLINK_LIST_MEMBERSHIPS) {
    return print_u32_array(v.out, b.substr(0, static_cast<std::size_t>(std::min(ulen, rlen))));
  } else if (level == kSolNetlink) {
    return b.size() >= 4 ? int_value(v.out, b) : v.out.pointer(addr);
  }
  if (rlen == 4 && b.size() >= 4) return int_value(v.out, b);
  print_cut_string(v, b, false);
}

// setsockopt's value: `len` is optlen as the int the kernel reads. Two copies were taken (plan
// order): optlen bytes up to -s for a value shown as a string, and the first 32 bytes, cut at
// the page's end, for an int or a struct.
void print_set_value(const CallView& v, std::int32_t level, std::uint32_t name, std::int32_t len) {
  const std::uint64_t addr = v.arg(3);
  const Payload* copies[2] = {};
  int n = 0;
  for (const auto& q : v.call.payloads)
    if (q.arg == 3 && !(q.flags & ETRACE_PLF_AT_EXIT) && n < 2) copies[n++] = &q;
  const Payload* str = copies[0] && !copies[0]->fault() ? copies[0] : nullptr;
  const Payload* p = copies[1] && !copies[1]->fault() ? copies[1] : nullptr;
  if (!addr || !v.ctx.opts.deref) return v.out.pointer(addr);
  const std::string_view b = p ? std::string_view(p->bytes) : std::string_view();
  if (level == SOL_SOCKET) {
    if (name == kSoTxrehash) return len < 4 || b.size() < 4 ? v.out.pointer(addr) : print_txrehash(v.out, b);
    if (name == SO_LINGER) return len < 8 || b.size() < 8 ? v.out.pointer(addr) : print_linger(v.out, b.substr(0, 8));
    if (int_like(name)) return len < 4 || b.size() < 4 ? v.out.pointer(addr) : int_value(v.out, b);
  } else if (level == kSolPacket && (name == PACKET_RX_RING || name == PACKET_TX_RING)) {
    if (len != 16 || b.size() < 16) return v.out.pointer(addr);
    static constexpr std::string_view kFields[] = {"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr"};
    v.out.begin_struct();
    for (std::size_t i = 0; i < 4; ++i) {
      v.out.field(kFields[i]);
      v.out.uinteger(structs::Bytes(b).u32(i * 4));
    }
    return v.out.end_struct();
  } else if (level == kSolNetlink) {
    return len < 4 || b.size() < 4 ? v.out.pointer(addr) : int_value(v.out, b);
  }
  if (len == 4 && b.size() >= 4) return int_value(v.out, b);
  if (len < 0 || !str) return v.out.pointer(addr);
  print_cut_string(v, std::string_view(str->bytes).substr(0, static_cast<std::size_t>(len)), str->truncated());
}

// optlen as getsockopt read it at entry (`at_exit` false) or as the call left it; false when it
// was not captured.
bool optlen(const CallView& v, bool at_exit, std::int32_t& len) {
  for (const auto& p : v.call.payloads) {
    if (p.arg != 4 || p.fault() || p.bytes.size() < 4 || ((p.flags & ETRACE_PLF_AT_EXIT) != 0) != at_exit) continue;
    len = structs::Bytes(p.bytes).s32(0);
    return true;
  }
  return false;
}

}  // namespace

void args_getsockopt(const CallView& v) {
  print_args(v, 0, 1);
  print_level(v);
  const std::int32_t level = v.iarg(1);
  const auto name = static_cast<std::uint32_t>(v.arg(2));
  print_optname(v, level, name);
  std::int32_t ulen = 0, rlen = 0;
  const bool have_ulen = v.ctx.opts.deref && v.arg(4) && optlen(v, false, ulen);
  const bool have_rlen = v.succeeded() && optlen(v, true, rlen);
  v.out.arg("optval");
  if (!have_ulen) {
    v.out.pointer(v.arg(3));
    v.out.arg("optlen");
    return v.out.pointer(v.arg(4));
  }
  if (!have_rlen) v.out.pointer(v.arg(3));
  else print_got_value(v, level, name, ulen, rlen);
  v.out.arg("optlen");
  v.out.begin_array();
  v.out.element();
  if (have_rlen && rlen != ulen) v.out.verbatim(fmt::format("{} => {}", ulen, rlen));
  else v.out.integer(have_rlen ? rlen : ulen);
  v.out.end_array();
}

void args_setsockopt(const CallView& v) {
  print_args(v, 0, 1);
  print_level(v);
  const std::int32_t level = v.iarg(1);
  const auto name = static_cast<std::uint32_t>(v.arg(2));
  print_optname(v, level, name);
  v.out.arg("optval");
  print_set_value(v, level, name, v.iarg(4));
  v.out.arg("optlen");
  v.out.integer(v.iarg(4));
}

}  // namespace etrace
