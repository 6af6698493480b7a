// Turning a SyscallCall into Emitter calls: each argument by its ArgKind, with a few
// per-syscall overrides where one argument changes the meaning of another.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "event/syscall_call.h"
#include "format/emitter.h"
#include "proc/pidns.h"
#include "syscalls/syscall_table.h"

namespace etrace {

// Answers "what is fd N of process P" for -y / -yy. Implemented by proc/fd_resolver.
class FdNamer {
 public:
  virtual ~FdNamer() = default;
  // The decoration without angle brackets ("/etc/passwd", "TCP:[127.0.0.1:80->...]"),
  // or empty when unknown.
  virtual std::string describe(std::uint32_t tgid, std::int64_t fd) = 0;
  // The decoration of an fd a call returned (dup2's new fd shows what it now refers to).
  virtual std::string describe_result(std::uint32_t tgid, std::int64_t fd) { return describe(tgid, fd); }
};

struct DecodeOptions {
  std::uint32_t max_strlen = 32;  // -s
  int hex_strings = 0;            // -x = 1, -xx = 2
  bool verbose = false;           // -v: structs in full
  // -e verbose= leaves the call out: what an argument points to shows as its address (structs,
  // arrays, sockaddrs, argv, envp, int pointers), strings and byte buffers still in full.
  bool deref = true;
  bool raw = false;               // -X raw / -e raw=all: numbers instead of symbols
  int decorate_fds = 0;           // -y = 1, -yy = 2
};

struct DecodeContext {
  DecodeOptions opts;
  FdNamer* fds = nullptr;  // may be null: fds print as bare numbers
  PidTranslator* pids = nullptr;  // --pidns-translation; null: pids print as they are
  std::uint32_t pidns = 0;        // the pid namespace of the process whose values these are
  // Set by decode_args while it prints arguments: struct printers decorate the fds inside
  // (poll's pollfds, select's sets) with -y, as strace does on the way in but not in results.
  std::uint32_t tgid = 0;
  bool struct_fds = false;

  // The -y decoration of an fd found inside a struct argument; empty when not wanted.
  std::string struct_fd_decoration(std::int64_t fd) const {
    return struct_fds && fds && opts.decorate_fds && fd >= 0 ? fds->describe(tgid, fd) : std::string();
  }
};

// Emits every argument of `call` (arg() + one value each), between begin_call and end_call.
void decode_args(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx, Emitter& out);

// Whether argument `a` shows, after its value going in, the value the call wrote back
// (Emitter::changed: sendfile's offset, `[0] => [16]`), as strace does.
bool shows_written_back(const ArgSpec& a);

// The return value as strace shows it (decimal, hex address, fd, -1 ERRNO (text), ?).
CallResult decode_result(const SyscallInfo* info, const SyscallCall& call, DecodeContext& ctx);

}  // namespace etrace
