// What each syscall's arguments *are*: the hand-written half of the syscall metadata.
//
// syscall_specs.cpp holds one name-sorted constexpr table of SyscallSpec; the numbers come from
// the kernel's table (arch/<arch>.inc) and the two are joined by SyscallTable. Decoders (decode/)
// choose how to show an argument from its ArgKind and `detail`, and how many of its bits to read
// from its CType; the capture-plan projection
// chooses what the BPF side copies from the same fields. Punctuation lives in format/.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace etrace {

struct CallView;       // decode/printers.h
struct SyscallCall;    // event/syscall_call.h
struct DecodeContext;  // decode/decoder.h
struct CallResult;     // format/emitter.h
// A syscall's own decoder, for calls whose arguments depend on each other (msgctl's buf is what
// its cmd says). Written in a family file under decode/ (decode/families.h) and named here by
// the spec, so the table says which calls have one.
using CallDecoder = void (*)(const CallView& v);
// And of its successful result, when it means more than a number (adjtimex's clock state).
using ResultDecoder = void (*)(const SyscallCall& call, DecodeContext& ctx, CallResult& r);

// The C type of a scalar argument in the kernel's prototype (include/linux/syscalls.h). The
// kernel reads only the low 32 bits of the register for an int and the low 16 for a umode_t, and
// strace prints what the kernel sees: callers may leave garbage in the upper half (strace's tests
// pass 0xffffffff0000002a for alarm(42)). Every decoder narrows the raw value to this type first.
enum class CType : std::uint8_t {
  Long,    // long, off_t, loff_t: the whole register, signed
  ULong,   // unsigned long, size_t, u64, aio_context_t, pointers: the whole register
  Int,     // int, pid_t, clockid_t, key_serial_t, key_t, timer_t, mqd_t, rwf_t: 32 bits, signed
  UInt,    // unsigned int, u32, uid_t, gid_t, qid_t: 32 bits
  UShort,  // umode_t: 16 bits
};

constexpr unsigned ctype_bits(CType t) {
  return t == CType::Int || t == CType::UInt ? 32 : t == CType::UShort ? 16 : 64;
}
constexpr bool ctype_signed(CType t) { return t == CType::Int || t == CType::Long; }

// The bits of `raw` the kernel reads as type `t`, zero-extended: what a flag set, a constant or
// a hex number of that type shows (an int -1 is 0xffffffff).
constexpr std::uint64_t ctype_bits_of(CType t, std::uint64_t raw) {
  const unsigned bits = ctype_bits(t);
  return bits == 64 ? raw : raw & ((std::uint64_t{1} << bits) - 1);
}

// `raw` as a value of type `t`: sign-extended for the signed types (an int -1 is -1 whatever the
// upper half held), zero-extended for the others.
constexpr std::int64_t ctype_value(CType t, std::uint64_t raw) {
  const std::uint64_t v = ctype_bits_of(t, raw);
  if (t == CType::Int) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

enum class ArgKind : std::uint8_t {
  Int,        // decimal, signed or not as its CType says (int, long, size_t, unsigned int)
  Uint,       // unsigned decimal of its CType's width, even for a signed type (a length as %u)
  Id,         // a uid or gid: unsigned decimal, but (uid_t) -1 shows as -1
  Hex,        // 0x-prefixed hex of its CType's width (a number that is clearer in hex)
  Octal,      // 0-prefixed octal (umask's mask)
  Ptr,        // an address: NULL or 0x...
  Fd,         // a file descriptor (always an int); -y decorates it
  DirFd,      // AT_FDCWD or a file descriptor (an int)
  Path,       // NUL-terminated path read at entry, shown whole (PATH_MAX)
  String,     // NUL-terminated string read at entry, cut at -s
  BufIn,      // bytes read at entry; length in args[len_arg]
  BufOut,     // bytes read at exit; length is the return value
  Flags,      // bit flags; `detail` names the xlat table
  Enum,       // one constant; `detail` names the xlat table
  Mode,       // file mode with its type (S_IFIFO|0600, or 0644 without one): mknod
  Signal,     // a signal number (SIGTERM)
  StructIn,   // a struct read at entry; `detail` names it, `size` is its size in bytes
  StructOut,  // a struct read at exit (when the call succeeded)
  StructInOut,// a struct read at entry and again at exit (poll's fds, select's sets and timeout)
  SockaddrIn, // struct sockaddr at entry, length in args[len_arg]
  SockaddrOut,// struct sockaddr at exit, length in *(int *)args[len_arg]
  Argv,       // NULL-ended array of strings (execve's argv)
  Envp,       // NULL-ended array of strings shown as its count (execve's envp)
  FdPair,     // int[2] written at exit (pipe, socketpair)
  Custom,     // shown by a per-syscall override in decode/ (detail says which)
};

enum class RetKind : std::uint8_t {
  Int,   // -1 ERRNO (message) on failure, decimal otherwise
  Fd,    // a new file descriptor; -y decorates it
  Hex,   // an address (mmap, brk): 0x...
  Pid,   // a process id
  None,  // does not return (exit, exit_group): "= ?"
  Octal, // umask
};

// strace's trace classes (%file, %desc, ...), as bits.
enum SyscallClass : std::uint32_t {
  kClassFile = 1u << 0,
  kClassDesc = 1u << 1,
  kClassNetwork = 1u << 2,
  kClassProcess = 1u << 3,
  kClassSignal = 1u << 4,
  kClassIpc = 1u << 5,
  kClassMemory = 1u << 6,
  kClassCreds = 1u << 7,
  kClassClock = 1u << 8,
  kClassPure = 1u << 9,      // takes no arguments, never fails
  kClassStat = 1u << 10,     // %stat: stat(2) family on a path
  kClassLstat = 1u << 11,    // %lstat
  kClassFstat = 1u << 12,    // %fstat
  kClassStatLike = 1u << 13, // %%stat: every stat-like call
  kClassStatfs = 1u << 14,   // %statfs
  kClassFstatfs = 1u << 15,  // %fstatfs
  kClassStatfsLike = 1u << 16, // %%statfs
};

enum SyscallFlag : std::uint8_t {
  kMayBlock = 1u << 0, // may wait for long: shown as <unfinished ...> while it waits
};

struct ArgSpec {
  std::string_view name;
  ArgKind kind = ArgKind::Int;
  std::string_view detail = {}; // xlat table (Flags/Enum) or struct name (Struct*) or override
  std::int8_t len_arg = -1;     // BufIn / SockaddrIn / SockaddrOut: index of the length argument
  std::uint16_t size = 0;       // Struct*: bytes to capture
  CType type = CType::ULong;    // the kernel's C type of a scalar: how many bits decoders read
};

struct SyscallSpec {
  std::string_view name;
  std::uint8_t nargs = 0;
  std::array<ArgSpec, 6> args{};
  RetKind ret = RetKind::Int;
  std::uint32_t classes = 0;
  std::uint8_t flags = 0;
  CallDecoder decoder = nullptr;  // shows every argument; nullptr: each by its ArgKind
  ResultDecoder result_decoder = nullptr;

  std::span<const ArgSpec> arguments() const { return {args.data(), nargs}; }
};

// The whole hand-written table, sorted by name (checked at compile time).
std::span<const SyscallSpec> all_syscall_specs();

// Binary search by name; nullptr when there is no spec of that name.
const SyscallSpec* find_syscall_spec(std::string_view name);

}  // namespace etrace
