// ioctl(fd, request, arg): the request by name, then the argument as the request's family says.
#include "decode/ioctl.h"

#include <linux/nsfs.h>

#include <algorithm>
#include <string>
#include <iterator>

#include "etrace/event.h"
#include "xlat/ioctl.h"
#include "xlat/xlat.h"

namespace etrace {

void IoctlArg::hex() const { addr() ? v.out.hex(addr()) : v.out.uinteger(0); }
void IoctlArg::pointer() const { v.out.pointer(addr()); }

namespace {

void int_from(const IoctlArg& a, std::string_view bytes) {
  if (!a.deref() || bytes.size() < 4) return a.pointer();
  a.e().begin_array();
  a.e().element();
  a.e().integer(structs::Bytes(bytes).s32(0));
  a.e().end_array();
}

}  // namespace

void IoctlArg::int_in() const { int_from(*this, in); }
void IoctlArg::int_out() const { int_from(*this, out); }

void IoctlArg::struct_in(std::size_t size, StructPrinter print) const {
  if (!deref() || in.size() < size) return pointer();
  print(structs::Bytes(in), *this);
}

void IoctlArg::struct_out(std::size_t size, StructPrinter print) const {
  if (!deref() || out.size() < size) return pointer();
  print(structs::Bytes(out), *this);
}

void IoctlArg::struct_inout(std::size_t size, StructPrinter print) const {
  if (!deref() || in.size() < size) return pointer();
  print(structs::Bytes(in), *this);
  if (out.size() < size) return;
  v.out.changed("arg");
  print(structs::Bytes(out), *this);
}

namespace {

struct Family {
  std::uint8_t type;
  IoctlDecoder decode;  // nullptr: see kFamilies
};

// By _IOC_TYPE, sorted (checked below). A family without a decoder is one strace decodes and
// etrace does not yet: strace shows most of its named requests' arguments as addresses (NULL
// when 0), so those show as pointers rather than numbers.
constexpr Family kFamilies[] = {
    {0x03, ioctl_hdio},
    {0x12, ioctl_block},
    {'!', nullptr},  // seccomp notifications
    {'"', nullptr},  // SCSI
    {'$', nullptr},  // perf events
    {'=', nullptr},  // PTP clocks
    {'>', ioctl_counter},
    {'E', nullptr},  // evdev
    {'I', ioctl_inotify},
    {'K', nullptr},  // consoles
    {'L', nullptr},  // loop devices
    {'M', nullptr},  // MTD
    {'O', nullptr},  // UBI
    {'R', ioctl_random},
    {'T', ioctl_term},
    {'V', nullptr},  // V4L2
    {'W', ioctl_watchdog},
    {'X', ioctl_fs_x},
    {'f', ioctl_fs_f},
    {'i', nullptr},  // LIRC
    {'o', nullptr},  // UBI
    {'p', nullptr},  // RTC
    {0x89, nullptr},  // sockets
    {0x94, ioctl_fs_0x94},
    {0xa4, nullptr},  // TEE
    {0xaa, nullptr},  // userfaultfd
    {0xab, nullptr},  // NBD
    {0xae, nullptr},  // KVM
    {0xb4, nullptr},  // GPIO
    {0xb7, ioctl_nsfs},
    {0xfd, nullptr},  // device mapper
};

constexpr bool families_sorted() {
  for (std::size_t i = 1; i < std::size(kFamilies); ++i)
    if (!(kFamilies[i - 1].type < kFamilies[i].type)) return false;
  return true;
}
static_assert(families_sorted(), "kFamilies must stay sorted by type");

const Family* family_of(std::uint32_t req) {
  const auto type = static_cast<std::uint8_t>(ioc_type(req));
  auto it = std::lower_bound(std::begin(kFamilies), std::end(kFamilies), type,
                             [](const Family& f, std::uint8_t t) { return f.type < t; });
  return it != std::end(kFamilies) && it->type == type ? it : nullptr;
}

// The copies of the argument's memory: the first readable one taken at entry, and the last one
// taken at exit when the call succeeded.
std::string_view copy_at(const SyscallCall& call, bool at_exit) {
  std::string_view found;
  for (const auto& p : call.payloads) {
    if (p.arg != 2 || p.fault() || p.type != ETRACE_PL_BYTES) continue;
    if (((p.flags & ETRACE_PLF_AT_EXIT) != 0) != at_exit) continue;
    found = p.bytes;
    if (!at_exit) break;
  }
  return found;
}

}  // namespace

void args_ioctl(const CallView& v) {
  print_args(v, 0, 1);
  const auto req = static_cast<std::uint32_t>(v.arg(1));
  v.out.arg("request");
  const std::string name = ioctl_request_name(req);
  v.out.symbol(name.empty() ? ioctl_code_text(req) : name, req);
  const IoctlArg a{v, req, copy_at(v.call, false), v.succeeded() ? copy_at(v.call, true) : std::string_view()};
  const Family* family = family_of(req);
  if (family && family->decode && family->decode(a)) return;
  a.name();
  if (family && !family->decode && !name.empty()) return a.pointer();
  a.hex();
}

void result_ioctl(const SyscallCall& call, DecodeContext& ctx, CallResult& r) {
  switch (static_cast<std::uint32_t>(call.args[1])) {
    case NS_GET_NSTYPE: {  // = 268435456 (CLONE_NEWUSER)
      const XlatTable* t = find_xlat("clone_flags");
      const FlagSplit s = t ? xlat_split_flags(*t, static_cast<std::uint64_t>(r.value)) : FlagSplit{};
      if (s.names.size() == 1 && !s.rest) r.decoration = std::string(s.names[0]);
      return;
    }
    case NS_GET_USERNS: case NS_GET_PARENT:  // a new descriptor for the namespace
      r.kind = CallResult::Kind::Fd;
      if (ctx.opts.decorate_fds && ctx.fds) r.decoration = ctx.fds->describe_result(call.tgid, call.ret);
      return;
    default: return;
  }
}

}  // namespace etrace
