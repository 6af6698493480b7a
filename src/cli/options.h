// Everything the command line can say, as passive data. parse_options() fills it (CLI11, after
// strace's long options are rewritten into their short forms by expand_long_options()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace etrace {

// -a: columns past this are refused (the padding is written on every line).
inline constexpr int kMaxColumn = 4096;

struct Options {
  std::vector<std::string> command;   // CMD ARGS... to run and trace
  std::vector<int> pids;              // -p PID (repeatable, comma lists)
  int follow = 0;                     // -f (1), -ff (2: one output file per thread with -o)
  bool system_wide = false;           // --system-wide
  std::vector<std::string> comms;     // --comm NAME
  std::string cgroup;                 // --cgroup PATH
  std::string container;              // --container ID|NAME (resolved to a cgroup at start)
  std::vector<std::string> exprs;     // -e EXPR (and --trace=... etc. as "trace=..."), in order
  std::string output;                 // -o FILE
  bool append = false;                // -A
  std::uint32_t strsize = 32;         // -s N
  int decorate_fds = 0;               // -y, -yy
  bool decode_pids_comm = false;      // -Y
  bool pidns_translation = false;     // --pidns-translation (or -e decode-pids=pidns)
  int hex = 0;                        // -x, -xx
  std::string xlat_style = "abbrev";  // -X raw|abbrev|verbose
  bool verbose = false;               // -v
  int timestamps = 0;                 // -t, -tt, -ttt
  bool relative = false;              // -r
  bool durations = false;             // -T
  bool numbers = false;               // -n
  int column = 40;                    // -a N (at most kMaxColumn)
  // -I N as strace numbers it: 1 anywhere, 2 waiting, 3 never, 4 never_tstp; 0: strace's default
  // (never with -o FILE and a command, else waiting). With never, SIGHUP, SIGINT, SIGQUIT,
  // SIGPIPE and SIGTERM do not stop the trace while the command runs.
  int interruptible = 0;
  bool summary = false;               // -c or -C
  bool summary_too = false;           // -C
  std::string summary_sort = "time";  // -S
  std::string summary_columns;        // -U (empty: strace's default columns)
  bool wall_time = false;             // -w: summary times are wall time, not system CPU time
  bool only_failed = false;           // -Z
  bool only_successful = false;       // -z
  int quiet = 0;                      // -q, -qq, -qqq
  std::vector<std::string> paths;     // -P PATH
  std::string user;                   // -u USER
  std::vector<std::string> env;       // -E VAR=VAL (set) / -E VAR (unset), in order
  bool json = false;                  // --json: JSON Lines instead of strace text
  bool always_show_pid = false;       // --always-show-pid
  std::uint64_t buffer_size = 64u << 20;  // --buffer-size BYTES: a burst of ~400k calls at full speed
  std::uint64_t syscall_limit = 0;    // --syscall-limit N: detach after N calls shown (0: no limit)
  std::uint32_t rate_limit = 0;       // --rate-limit N: calls recorded per second per process (0: no limit)
  std::vector<std::string> exclude_comms;  // --exclude-comm NAME (repeatable, comma lists)
  std::vector<int> exclude_pids;      // --exclude-pid PID (repeatable, comma lists)
  std::optional<int> nice;            // --nice N: etrace's own priority (unset: ETRACE_NICE, else -10)
  std::vector<std::string> warnings;  // to print as "etrace: <warning>" (e.g. -A without -o)
};

struct ParseOutcome {
  std::optional<Options> options;  // set when tracing should go ahead
  int exit_code = 0;               // otherwise: exit with this (0 after --help / -V)
  std::string message;             // what to print (stdout for help, stderr "etrace: ..." for errors)
  bool version = false;            // -V: main adds the kernel features it detects to `message`
};

ParseOutcome parse_options(int argc, const char* const* argv);

// Whether every line carries its pid from the first: --always-show-pid, -f with -o (as strace),
// and --system-wide, --comm and --cgroup, whose lines may come from any number of processes
// (the pid cannot wait until a second one shows up: the first lines would have none).
bool pid_on_every_line(const Options& o);

// strace's long options (--trace=SET, --follow-forks, --string-limit N, --quiet[=SET], ...)
// rewritten into the short options they stand for ("-e" "trace=SET", "-f", "-s" "N", ...), up
// to the command. etrace's own long options pass through. On an option that needs an argument
// and has none, `error` gets strace's wording.
std::vector<std::string> expand_long_options(const std::vector<std::string>& args, std::string* error);

}  // namespace etrace
