// Internal to decode/: ioctl's third argument. Each request family (the _IOC_TYPE byte, 'T' for
// terminals, 0x12 for block devices, ...) has one decoder function; ioctl.cpp finds it by the
// type byte in a sorted table and calls it. A decoder that knows the request prints the argument
// (or nothing, for a request that takes none) and returns true; for any other request it returns
// false and the argument shows as strace shows an argument it does not decode: a number in hex.
//
// Memory behind the argument: the BPF side copies, at entry and again at exit, as many bytes as
// the request's size field says (a request without one: a small fixed amount), cut at the end of
// a page when the rest is unmapped. A request that passes a struct shows the entry copy, even
// when the call fails; one that fills a struct shows the exit copy when the call succeeded, and
// the address otherwise; one that does both shows the entry copy, then ` => ` and the exit copy.
#pragma once

#include <cstdint>
#include <string_view>

#include "decode/printers.h"
#include "decode/struct_util.h"

namespace etrace {

struct IoctlArg {
  const CallView& v;
  std::uint32_t req;
  std::string_view in;   // the entry copy; empty when not taken or unreadable
  std::string_view out;  // the exit copy, only when the call succeeded

  std::uint64_t addr() const { return v.arg(2); }
  Emitter& e() const { return v.out; }
  bool deref() const { return v.ctx.opts.deref; }
  // The argument's value as the int the request passes by value.
  std::int32_t ival() const { return static_cast<std::int32_t>(addr()); }

  // arg("arg"), then one of these.
  void name() const { v.out.arg("arg"); }
  void hex() const;        // strace's default: 0x... or 0
  void pointer() const;    // NULL or 0x...
  // [n]: an int the call reads (entry copy) or fills (exit copy); the address when there is none.
  void int_in() const;
  void int_out() const;
  // A struct of at least `size` bytes the call reads (`print` gets the entry copy) or fills (the
  // exit copy), or both: the address when the copy is missing or too short.
  using StructPrinter = void (*)(const structs::Bytes& b, const IoctlArg& a);
  void struct_in(std::size_t size, StructPrinter print) const;
  void struct_out(std::size_t size, StructPrinter print) const;
  void struct_inout(std::size_t size, StructPrinter print) const;
};

// _IOC fields (asm-generic/ioctl.h; x86_64 uses the generic layout).
constexpr std::uint32_t ioc_nr(std::uint32_t r) { return r & 0xff; }
constexpr std::uint32_t ioc_type(std::uint32_t r) { return (r >> 8) & 0xff; }
constexpr std::uint32_t ioc_size(std::uint32_t r) { return (r >> 16) & 0x3fff; }
constexpr std::uint32_t ioc_dir(std::uint32_t r) { return r >> 30; }

using IoctlDecoder = bool (*)(const IoctlArg& a);

// The families (ioctl_<family>.cpp).
bool ioctl_hdio(const IoctlArg& a);   // 0x03: HDIO_*
bool ioctl_counter(const IoctlArg& a);  // '>': counter devices
bool ioctl_inotify(const IoctlArg& a);  // 'I': INOTIFY_IOC_SETNEXTWD
bool ioctl_watchdog(const IoctlArg& a);  // 'W': WDIOC_*
bool ioctl_term(const IoctlArg& a);   // 'T': terminals, FIO*
bool ioctl_block(const IoctlArg& a);  // 0x12: BLK*
bool ioctl_fs_0x94(const IoctlArg& a);  // 0x94: FICLONE, btrfs
bool ioctl_fs_f(const IoctlArg& a);   // 'f': FS_IOC_GETFLAGS, FS_IOC_FIEMAP
bool ioctl_fs_x(const IoctlArg& a);   // 'X': FIFREEZE, FITRIM, FS_IOC_FSGETXATTR
bool ioctl_nsfs(const IoctlArg& a);   // 0xb7: NS_GET_*
bool ioctl_random(const IoctlArg& a); // 'R': RND*

// ioctl(fd, request, arg): the whole argument list.
void args_ioctl(const CallView& v);
// What a successful ioctl returned, for the requests whose result means more than a number.
void result_ioctl(const SyscallCall& call, DecodeContext& ctx, CallResult& r);

}  // namespace etrace
