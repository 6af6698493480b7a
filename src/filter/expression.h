// strace's -e grammar (trace=, status=, signal=, quiet=, verbose=, abbrev=, raw=, read=, write=,
// trace-fds=, decode-fds=, decode-pids=) plus -z/-Z/-q/-v, as strace 6.x accepts and words it.
//
// Use: one FilterBuilder per command line; feed it every -e argument and short option in order,
// stop at the first error (print "etrace: " + message, exit 1, trace nothing), then finish() gives
// a passive FilterSpec. kernel_part() says which part of it the BPF side can decide exactly.
//
// Semantics worth knowing (each checked against /usr/bin/strace 6.1):
// - A later -e of the same qualifier replaces the earlier one (`-e trace=read -e trace=close`
//   traces close only). -z/-Z replace status=; a second -z/-Z warns.
// - Leading `!` inverts the whole list (`!!` cancels); `!` inside a list is a bad token.
// - `all`/`none` alone (after any `!`) are the full/empty set; inside a list only `all` is valid.
// - Syscall tokens: `?` prefix forgives a token that matches nothing; `@64`/`@32`/`@x32` suffix
//   picks a personality (etrace traces only the native one, so @32/@x32 select nothing);
//   decimal numbers; `/regex` (POSIX ERE, searched, not anchored); `%class` (and the deprecated
//   bare file/desc/network/process/signal/ipc/memory); then names, case-sensitive.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "etrace/config.h"

namespace etrace {

class SyscallTable;

// A set of syscall or signal numbers as a bitmap over the known range; `outside` answers for
// numbers past the bitmap, so "!write" still admits a number the table does not know.
struct NumberSet {
  std::vector<bool> bits;
  bool outside = false;

  bool contains(std::int64_t n) const {
    if (n < 0) return false;
    auto i = static_cast<std::uint64_t>(n);
    return i < bits.size() ? bits[i] : outside;
  }
  bool is_all() const;   // every number, known or not
  bool is_none() const;  // no number at all
};

// File descriptors (read=, write=, trace-fds=): listed fds, or every fd but those when negated.
struct FdSet {
  std::vector<int> fds;  // sorted, unique
  bool negated = false;

  bool contains(int fd) const;
  bool is_all() const { return negated && fds.empty(); }
  bool is_none() const { return !negated && fds.empty(); }
};

// -e status= bits. The first two are the kernel's (include/etrace/config.h): a completed call
// is successful or failed at sys_exit. The others are decided in userspace: unfinished is a call
// that never returned (exit_group, a call cut short by execve in another thread), etc.
enum StatusBit : std::uint32_t {
  kStatusSuccessful = ETRACE_STATUS_SUCCESSFUL,
  kStatusFailed = ETRACE_STATUS_FAILED,
  kStatusUnfinished = 1u << 2,
  kStatusUnavailable = 1u << 3,
  kStatusDetached = 1u << 4,
  kStatusAll = (1u << 5) - 1,
};

// -e quiet= bits.
enum QuietBit : std::uint32_t {
  kQuietAttach = 1u << 0,         // "[ Process NNNN attached ]" / detached
  kQuietExit = 1u << 1,           // "+++ exited with N +++"
  kQuietPathResolution = 1u << 2, // -P "Requested path ... resolved into ..."
  kQuietPersonality = 1u << 3,    // "[ Process PID=N runs in PPP mode. ]"
  kQuietThreadExecve = 1u << 4,   // "+++ superseded by execve in pid N +++"
  kQuietAll = (1u << 5) - 1,
};

// -e decode-fds= bits (-y is path, -yy is all; the CLI maps those).
enum DecodeFdsBit : std::uint32_t {
  kDecodeFdsPath = 1u << 0,
  kDecodeFdsSocket = 1u << 1,
  kDecodeFdsDev = 1u << 2,
  kDecodeFdsPidfd = 1u << 3,
  kDecodeFdsSignalfd = 1u << 4,  // strace >= 6.3
  kDecodeFdsAll = (1u << 5) - 1,
};

// -e decode-pids= bits (-Y is comm).
enum DecodePidsBit : std::uint32_t {
  kDecodePidsPidns = 1u << 0,
  kDecodePidsComm = 1u << 1,
  kDecodePidsAll = (1u << 2) - 1,
};

struct FilterSpec {
  NumberSet trace;    // syscall numbers to show (default all)
  NumberSet abbrev;   // abbreviate big structs (default all; -v makes it none)
  NumberSet verbose;  // dereference structs (default all)
  NumberSet raw;      // print arguments undecoded, in hex (default none)
  NumberSet signals;  // signals to show as "--- SIG... ---" (default all), numbers 0..255
  std::uint32_t status = kStatusAll;  // StatusBit
  std::uint32_t quiet = 0;            // QuietBit
  bool quiet_given = false;  // -q or -e quiet= appeared; if not, the CLI may apply strace's
                             // default (attach,personality when -o is used on a command)
  FdSet read_fds;            // hex dump of data read (default none)
  FdSet write_fds;           // hex dump of data written (default none)
  FdSet trace_fds{{}, true}; // only calls on these fds (default all)
  std::optional<std::uint32_t> decode_fds;   // DecodeFdsBit, when -e decode-fds= appeared
  std::optional<std::uint32_t> decode_pids;  // DecodePidsBit, when -e decode-pids= appeared
  // Syscalls the user named one by one in a non-negated trace= (not via a class or regex):
  // the candidates for "no open calls seen; this system uses openat" at exit.
  std::vector<std::string> named_syscalls;
  std::vector<std::string> warnings;  // to print as "etrace: <warning>", parsing goes on
};

// The syscall facts the grammar needs; a small one can be injected in tests.
struct SyscallCatalog {
  struct Entry {
    int nr;
    std::string name;
    std::uint32_t classes;  // SyscallClass bits
  };
  int max_number = -1;
  std::vector<Entry> entries;

  static SyscallCatalog from(const SyscallTable& table);
  const Entry* by_name(std::string_view name) const;
  const Entry* by_number(int nr) const;
};

// What trace= accepts by name: every syscall of the running architecture's table, sorted, then
// strace's classes (%file, %network, ...). `etrace --list-syscalls` prints it for completions.
std::vector<std::string> trace_set_names();

class FilterBuilder {
 public:
  FilterBuilder();  // the running architecture's SyscallTable::native()
  explicit FilterBuilder(SyscallCatalog catalog);

  // One -e argument ("trace=open,close", "open", "signal=!SIGIO", ...). On error the message
  // is returned without the program name, worded as strace words it:
  // "invalid system call 'opn'", "invalid signal 'FOO'", "regcomp: [: Invalid regular expression".
  // strace follows only "incorrect personality designator ..." with "Try 'strace -h' for more
  // information."; the CLI may do the same for messages starting with "incorrect personality".
  std::optional<std::string> add(std::string_view expression);

  void add_z();  // --successful-only
  void add_Z();  // --failed-only
  void add_v();  // -v: abbrev=none
  std::optional<std::string> add_q();  // one q of -q/-qq/-qqq

  FilterSpec finish() const;

  // Long options that are one qualifier each (--trace=SET, --signal=SET, ...) go through add()
  // as "trace=SET"; this names the qualifier a long option stands for, or nullopt.
  static std::optional<std::string_view> qualifier_for_long_option(std::string_view option);

 private:
  std::optional<std::string> parse_syscall_set(std::string_view text, NumberSet& out,
                                               std::vector<std::string>* named) const;
  std::optional<std::string> add_syscall_token(std::string_view token, NumberSet& set,
                                               std::vector<std::string>* named, bool& matched) const;

  SyscallCatalog catalog_;
  FilterSpec spec_;
  int z_count_ = 0;
  int q_count_ = 0;
  bool quiet_qualifier_ = false;
};

// The part of a FilterSpec the kernel can decide exactly, before anything reaches the ring buffer.
struct KernelFilter {
  std::vector<bool> syscalls;  // syscall_plans[nr].enabled, indexed by number
  bool others = false;         // numbers past the table (if the BPF side has a default)
  // Drop completed calls at sys_exit unless (status_mask & their outcome); ETRACE_STATUS_* bits.
  // Calls emitted without an exit (exit_group, <unfinished ...>) are not judged here.
  std::uint32_t status_mask = ETRACE_STATUS_SUCCESSFUL | ETRACE_STATUS_FAILED;
  // Relatives of named syscalls (openat for "-e open"): count them, emit nothing, so the
  // unseen_syscall_hint() can be given at exit. Never overlaps `syscalls`.
  std::vector<bool> count_only;
};

KernelFilter kernel_part(const FilterSpec& spec, const SyscallCatalog& catalog);
KernelFilter kernel_part(const FilterSpec& spec);  // with the native table

// Close relatives of a syscall a modern libc calls instead (open -> openat; stat -> newfstatat,
// statx; fork -> clone, clone3, ...); empty when none are known.
std::vector<std::string> relatives_hint(std::string_view name);

// "no open calls seen; this system uses openat (try -e trace=%file)" when `name` has no calls
// in counts_by_nr but a relative does; empty otherwise. The caller adds "etrace: ".
std::string unseen_syscall_hint(std::string_view name, const std::vector<std::uint64_t>& counts_by_nr,
                                const SyscallCatalog& catalog);
std::string unseen_syscall_hint(std::string_view name, const std::vector<std::uint64_t>& counts_by_nr);
// The hints for every name in spec.named_syscalls, each once, in order.
std::vector<std::string> unseen_syscall_hints(const FilterSpec& spec, const std::vector<std::uint64_t>& counts_by_nr,
                                              const SyscallCatalog& catalog);

namespace filter_detail {
// Shared by the filter/*.cpp files.
// Comma-separated elements, empty ones skipped (strace tokenizes with strtok: "read,,write" is fine).
std::vector<std::string_view> split_list(std::string_view text);
// Plain decimal digits only, value <= max; nullopt otherwise.
std::optional<std::uint64_t> parse_decimal(std::string_view text, std::uint64_t max);
}  // namespace filter_detail

}  // namespace etrace
