// struct sockaddr by family, and the I/O arrays (pollfd, epoll_event, iovec, fd_set).
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include "decode/structs.h"
#include "decode/struct_util.h"
#include "format/escape.h"
#include "xlat/xlat.h"

namespace etrace::structs {

namespace {

std::string hex0(std::uint64_t v) { return v ? fmt::format("{:#x}", v) : std::string("0"); }

// An interface index as strace shows it: if_nametoindex("lo") when this host knows the index.
void emit_ifindex(Emitter& out, std::uint32_t index) {
  char name[IF_NAMESIZE] = {};
  if (index && if_indextoname(index, name)) {
    std::string text = "if_nametoindex(";
    append_quoted(text, name);
    text += ')';
    out.verbatim(text);
  } else {
    out.uinteger(index);
  }
}

void emit_family(Emitter& out, std::uint16_t family) {
  out.field("sa_family");
  emit_enum(out, "address_families", family, "AF_???");
}

void print_generic(const Bytes& b, Emitter& out) {
  if (b.size() > 2) {
    out.field("sa_data");
    out.string(b.sub(2, b.size() - 2), false);
  }
}

void print_unix(const Bytes& b, const DecodeContext& ctx, Emitter& out) {
  if (b.size() <= 2) return;
  std::string_view path = b.sub(2, b.size() - 2);
  out.field("sun_path");
  if (path[0] == '\0' && path.size() > 1) {
    // Abstract: the name is every byte after the leading NUL, NULs included.
    std::string text = "@";
    append_quoted(text, path.substr(1), ctx.opts.hex_strings);
    out.verbatim(text);
    return;
  }
  path = path.substr(0, path.find('\0'));
  out.string(path, false);
}

void print_inet(const Bytes& b, Emitter& out) {
  out.field("sin_port");
  out.verbatim(fmt::format("htons({})", ntohs(b.u16(2))));
  out.field("sin_addr");
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, b.view().data() + 4, text, sizeof text);
  std::string quoted = "inet_addr(";
  append_quoted(quoted, text);
  quoted += ')';
  out.verbatim(quoted);
}

void print_inet6(const Bytes& b, Emitter& out) {
  out.field("sin6_port");
  out.verbatim(fmt::format("htons({})", ntohs(b.u16(2))));
  out.field("sin6_flowinfo");
  out.verbatim(fmt::format("htonl({})", ntohl(b.u32(4))));
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, b.view().data() + 8, text, sizeof text);
  std::string expr = "inet_pton(AF_INET6, ";
  append_quoted(expr, text);
  expr += ", &sin6_addr)";
  out.element();  // strace shows the address as a call, not as a named field
  out.verbatim(expr);
  if (b.size() < 28) return;
  const auto* a = reinterpret_cast<const unsigned char*>(b.view().data() + 8);
  const bool link_local = (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) || (a[0] == 0xff && (a[1] & 0x0f) == 0x2);
  out.field("sin6_scope_id");
  if (link_local) emit_ifindex(out, b.u32(24));
  else out.uinteger(b.u32(24));
}

void print_netlink(const Bytes& b, Emitter& out) {
  out.field("nl_pid");
  out.integer(static_cast<std::int32_t>(b.u32(4)));  // strace prints the port id signed (nl_pid=-942480663)
  out.field("nl_groups");
  out.verbatim(fmt::format("{:08x}", b.u32(8)));
}

void print_packet(const Bytes& b, Emitter& out) {
  const std::uint16_t proto = ntohs(b.u16(2));
  std::string_view pname;
  if (const XlatTable* t = find_xlat("ethernet_protocols")) pname = xlat_name(*t, proto);
  out.field("sll_protocol");
  out.verbatim(pname.empty() ? fmt::format("htons({} /* ETH_P_??? */)", hex0(proto))
                             : fmt::format("htons({})", pname));
  out.field("sll_ifindex");
  emit_ifindex(out, b.u32(4));
  out.field("sll_hatype");
  emit_enum(out, "arp_hardware_types", b.u16(8), "ARPHRD_???");
  out.field("sll_pkttype");
  emit_enum(out, "packet_types", static_cast<std::uint8_t>(b.view()[10]), "PACKET_???", true);
  const std::size_t halen = static_cast<std::uint8_t>(b.view()[11]);
  out.field("sll_halen");
  out.uinteger(halen);
  if (halen) {
    out.field("sll_addr");
    out.begin_array();
    for (std::size_t i = 0; i < halen && i < 8 && 12 + i < b.size(); ++i) {
      out.element();
      emit_hex(out, static_cast<std::uint8_t>(b.view()[12 + i]));
    }
    out.end_array();
  }
}

}  // namespace

bool print_sockaddr(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  out.begin_struct();
  if (b.size() < 2) {
    out.end_struct();
    return true;
  }
  const std::uint16_t family = b.u16(0);
  emit_family(out, family);
  // A family's own form needs its whole struct; shorter addresses show the raw sa_data.
  if (family == AF_UNIX) print_unix(b, ctx, out);
  else if (family == AF_INET && b.size() >= 16) print_inet(b, out);
  else if (family == AF_INET6 && b.size() >= 24) print_inet6(b, out);
  else if (family == AF_NETLINK && b.size() >= 12) print_netlink(b, out);
  else if (family == AF_PACKET && b.size() >= 20) print_packet(b, out);
  else print_generic(b, out);
  out.end_struct();
  return true;
}

// struct pollfd { int fd; short events, revents; }: strace omits events for a negative fd.
bool print_pollfd(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  out.begin_array();
  for (std::size_t off = 0; off + 8 <= b.size(); off += 8) {
    const std::int32_t fd = b.s32(off);
    out.element();
    out.begin_struct();
    out.field("fd");
    out.fd(fd, ctx.struct_fd_decoration(fd));
    if (fd >= 0) {
      out.field("events");
      emit_flags(out, "poll_events", b.u16(off + 4));
    }
    out.end_struct();
  }
  out.end_array();
  return true;
}

bool print_epoll_event(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 12) return false;
  const std::uint64_t data = b.u64(4);  // packed on x86_64: data follows events directly
  out.begin_struct();
  out.field("events");
  static const XlatTable* const events = find_xlat("epoll_events");  // once: epoll_wait returns many
  if (events) {
    const FlagSplit s = xlat_split_flags(*events, b.u32(0));
    out.flags(s.names, b.u32(0), s.rest);
  } else {
    emit_hex(out, b.u32(0));
  }
  out.field("data");
  out.begin_struct();
  out.field("u32");
  out.uinteger(static_cast<std::uint32_t>(data));
  out.field("u64");
  out.uinteger(data);
  out.end_struct();
  out.end_struct();
  return true;
}

// The iovec array alone: the buffers themselves are not in these bytes, so iov_base is an address.
bool print_iovec(const Bytes& b, DecodeContext&, Emitter& out) {
  out.begin_array();
  for (std::size_t off = 0; off + 16 <= b.size(); off += 16) {
    out.element();
    out.begin_struct();
    out.field("iov_base");
    out.pointer(b.u64(off));
    out.field("iov_len");
    out.uinteger(b.u64(off + 8));
    out.end_struct();
  }
  out.end_array();
  return true;
}

// The caller trims the bytes to select's nfds (rounded up to whole bytes).
bool print_fd_set(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  std::string text = "[";
  bool first = true;
  for (std::size_t i = 0; i < b.size() * 8; ++i) {
    if (!((static_cast<unsigned char>(b.view()[i / 8]) >> (i % 8)) & 1)) continue;
    if (!first) text.push_back(' ');
    first = false;
    text += std::to_string(i);
    if (const std::string deco = ctx.struct_fd_decoration(static_cast<std::int64_t>(i)); !deco.empty())
      text += "<" + deco + ">";
  }
  text.push_back(']');
  out.verbatim(text);
  return true;
}

}  // namespace etrace::structs

namespace etrace {

void decode_pollfd_revents(std::string_view bytes, Emitter& out) {
  const structs::Bytes b(bytes);
  out.begin_array();
  for (std::size_t off = 0; off + 8 <= b.size(); off += 8) {
    const std::uint16_t revents = b.u16(off + 6);
    if (!revents) continue;
    out.element();
    out.begin_struct();
    out.field("fd");
    out.integer(b.s32(off));
    out.field("revents");
    structs::emit_flags(out, "poll_events", revents);
    out.end_struct();
  }
  out.end_array();
}

}  // namespace etrace
