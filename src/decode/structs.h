// Struct printers: the bytes a syscall argument points to, shown as strace 6.1 shows them, in its
// default abbreviated form (`{st_mode=S_IFREG|0644, st_size=1234, ...}`) or whole with -v.
//
// The bytes are what the BPF side captured for the argument, laid out as the x86_64 kernel lays
// the struct out. Printers write structure only (struct/field/array/element and values); the
// emitter owns the punctuation. Where strace prints an expression rather than a value
// (`makedev(0x8, 0x1)`, `htons(80)`, `8192*1024`, a sigset's `~[RTMIN RT_1]`), the printer emits
// it with verbatim(), so that the JSON backend still gets one value per field.
//
// Arrays: a struct kind that is always an array in the syscall ABI (pollfd, iovec, linux_dirent64,
// fd_set) prints as one whatever the byte count; any other name with a "[]" suffix
// ("epoll_event[]") prints every whole element of `bytes` as an array, so epoll_wait's events and
// epoll_ctl's single event differ only by the name the caller passes. The caller trims the bytes
// to the valid elements (at most the return value for outputs).
#pragma once

#include <cstdint>
#include <string_view>

#include "decode/decoder.h"
#include "format/emitter.h"

namespace etrace {

// Emits the struct named `name` (an ArgSpec::detail value) from its captured bytes; false when
// there is no printer or the bytes are too short for it (the caller then prints the pointer).
bool decode_struct(std::string_view name, std::string_view bytes, DecodeContext& ctx, Emitter& out);
// decode_struct(name + "[]", ...) without building that name (epoll_wait asks on every call).
bool decode_struct_array(std::string_view elem_name, std::string_view bytes, DecodeContext& ctx, Emitter& out);

// The same, for the few forms that show the argument's address too: getdents64's default
// `0x7ffd... /* 5 entries */`. Every other name behaves as decode_struct.
bool decode_struct_at(std::string_view name, std::uint64_t addr, std::string_view bytes, DecodeContext& ctx,
                      Emitter& out);

// poll/ppoll's exit half: `[{fd=4, revents=POLLOUT}]`, only the entries whose revents is set.
// strace prints it after the return value: ` = 1 ([{fd=4, revents=POLLOUT}])`.
void decode_pollfd_revents(std::string_view bytes, Emitter& out);

// struct sockaddr of any family, `bytes` holding exactly addrlen bytes (capped at the capture size).
// AF_INET, AF_INET6, AF_UNIX (abstract: sun_path=@"..."), AF_NETLINK, AF_PACKET in full; other
// families as `{sa_family=AF_X, sa_data="..."}`. Fewer than 2 bytes cannot hold a family: strace
// prints the address then, so the caller must not call this (it emits `{}`).
void decode_sockaddr(std::string_view bytes, DecodeContext& ctx, Emitter& out);
void decode_sockaddr(std::string_view bytes, Emitter& out);

// struct kernel_siginfo (the 48 bytes the kernel keeps; 128-byte user copies work too), as in
// `--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, ...} ---` and
// rt_sigqueueinfo's argument.
void decode_siginfo(std::string_view bytes, DecodeContext& ctx, Emitter& out);

}  // namespace etrace
