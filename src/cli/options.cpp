#include "cli/options.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "app/version.h"
#include "filter/expression.h"
#include "stats/summary.h"

namespace etrace {

namespace {

constexpr const char* kExamples = R"(
strace's long options work too (--trace=SET, --status=SET, --signal=SET, --quiet[=SET],
--read=SET, --write=SET, --verbose=SET, --abbrev=SET, --raw=SET, --decode-fds[=SET],
--decode-pids=SET, --summary-only, --summary, --timestamps[=FORMAT], --syscall-times, ...).

Examples:
  etrace ls -l /                    trace a command (output on stderr)
  etrace -f -e execve ./script.sh   follow children, only execve
  etrace -p 230 -e trace=connect    attach to a running process
  etrace -f -o out.txt make         write the trace to a file, pid on every line
  etrace -ff -o trace make          one file per process: trace.PID
  etrace -s 800 -y cat /etc/hosts   longer strings, fds shown with their paths
  etrace -e trace=%file -z ls       file calls that succeeded
  etrace -P /etc/passwd id          only calls that touch /etc/passwd
  etrace -e read=0 -e write=1 cat   hex dumps of what fd 0 read and fd 1 wrote
  etrace -tt -T -e trace=%network curl -s example.com
                                    wall-clock times and time spent in each call
  etrace -u nobody -E LANG=C id     run as another user, with a changed environment
  etrace --system-wide --comm nginx every nginx process on the machine
  etrace --cgroup /sys/fs/cgroup/system.slice/nginx.service
                                    every process of a service, including later ones
  etrace --container 3f2a9c --pidns-translation
                                    a container's processes, pids also as it sees them
  etrace -c ls                      summary table of calls, errors and time
  etrace -c -S calls -U name,calls,errors,max-time ls
                                    the summary sorted by calls, with chosen columns
  etrace --syscall-limit 500 -p 230 the first 500 calls, then detach
  etrace --system-wide --rate-limit 1000 --exclude-comm tmux,sshd
                                    a live host: at most 1000 calls a second recorded
                                    per process, without the terminal's own writes
)";

// Short options that take an argument (strace's and etrace's): the next word is their value.
constexpr std::string_view kShortWithArg = "peosaSUPuEbIOX";

// etrace's own long options that take an argument (passed through as they are).
constexpr std::array<std::string_view, 9> kOwnLongWithArg{"--comm",        "--cgroup",       "--container", "--buffer-size",
                                                          "--syscall-limit", "--rate-limit", "--exclude-comm",
                                                          "--exclude-pid", "--nice"};

enum class LongKind { Qualifier, ShortArg, Flag, Optional };

struct LongOption {
  std::string_view name;
  LongKind kind;
  std::string_view short_form;  // "-o"; for Flag the flag(s); unused for Qualifier/Optional
};

constexpr std::array<LongOption, 42> kLongOptions{{
    {"trace", LongKind::Qualifier, ""},
    {"abbrev", LongKind::Qualifier, ""},
    {"verbose", LongKind::Qualifier, ""},
    {"raw", LongKind::Qualifier, ""},
    {"signal", LongKind::Qualifier, ""},
    {"signals", LongKind::Qualifier, ""},
    {"status", LongKind::Qualifier, ""},
    {"read", LongKind::Qualifier, ""},
    {"write", LongKind::Qualifier, ""},
    {"trace-fds", LongKind::Qualifier, ""},
    {"silent", LongKind::Qualifier, ""},
    {"silence", LongKind::Qualifier, ""},
    {"decode-pids", LongKind::Qualifier, ""},
    {"inject", LongKind::Qualifier, ""},
    {"fault", LongKind::Qualifier, ""},
    {"kvm", LongKind::Qualifier, ""},
    {"output", LongKind::ShortArg, "-o"},
    {"string-limit", LongKind::ShortArg, "-s"},
    {"attach", LongKind::ShortArg, "-p"},
    {"trace-path", LongKind::ShortArg, "-P"},
    {"user", LongKind::ShortArg, "-u"},
    {"env", LongKind::ShortArg, "-E"},
    {"summary-sort-by", LongKind::ShortArg, "-S"},
    {"summary-columns", LongKind::ShortArg, "-U"},
    {"columns", LongKind::ShortArg, "-a"},
    {"follow-forks", LongKind::Flag, "-f"},
    {"output-append-mode", LongKind::Flag, "-A"},
    {"summary-only", LongKind::Flag, "-c"},
    {"summary", LongKind::Flag, "-C"},
    {"summary-wall-clock", LongKind::Flag, "-w"},
    {"successful-only", LongKind::Flag, "-z"},
    {"failed-only", LongKind::Flag, "-Z"},
    {"syscall-number", LongKind::Flag, "-n"},
    {"no-abbrev", LongKind::Flag, "-v"},
    {"help", LongKind::Flag, "-h"},
    {"version", LongKind::Flag, "-V"},
    {"quiet", LongKind::Optional, ""},
    {"decode-fds", LongKind::Optional, ""},
    {"strings-in-hex", LongKind::Optional, ""},
    {"timestamps", LongKind::Optional, ""},
    {"absolute-timestamps", LongKind::Optional, ""},
    {"relative-timestamps", LongKind::Optional, ""},
}};

const LongOption* find_long(std::string_view name) {
  for (const auto& o : kLongOptions)
    if (o.name == name) return &o;
  if (name == "syscall-times") {
    static constexpr LongOption t{"syscall-times", LongKind::Optional, ""};
    return &t;
  }
  // Any other qualifier the -e grammar knows is a long option too (--NAME=SET is -e NAME=SET).
  if (FilterBuilder::qualifier_for_long_option(name)) {
    static constexpr LongOption q{"", LongKind::Qualifier, ""};
    return &q;
  }
  return nullptr;
}

// --timestamps[=[[format:]time|unix][,[precision:]s|ms|us|ns]] as -t, -tt or -ttt.
std::string timestamp_flags(std::string_view value) {
  bool unix_format = false, sub_second = false;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view part = value.substr(start, comma - start);
    start = comma + 1;
    if (part.starts_with("format:")) part.remove_prefix(7);
    if (part.starts_with("precision:")) part.remove_prefix(10);
    if (part == "unix") unix_format = true;
    else if (part == "ms" || part == "us" || part == "ns") sub_second = true;
  }
  return unix_format ? "-ttt" : sub_second ? "-tt" : "-t";
}

// The short form of an optional-argument long option; empty vector to drop it.
std::vector<std::string> expand_optional(std::string_view name, std::optional<std::string_view> value) {
  if (name == "quiet") return value ? std::vector<std::string>{"-e", "quiet=" + std::string(*value)} : std::vector<std::string>{"-q"};
  if (name == "decode-fds")
    return value ? std::vector<std::string>{"-e", "decode-fds=" + std::string(*value)} : std::vector<std::string>{"-y"};
  if (name == "strings-in-hex") {
    if (!value || *value == "all") return {"-xx"};
    if (*value == "non-ascii") return {"-x"};
    return {};
  }
  if (name == "timestamps" || name == "absolute-timestamps") return {timestamp_flags(value.value_or(""))};
  if (name == "relative-timestamps") return {"-r"};
  if (name == "syscall-times") return {"-T"};
  return {};
}

bool parse_pid_list(const std::string& text, std::vector<int>& out) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find_first_of(", ", start);
    if (comma == std::string::npos) comma = text.size();
    std::string_view part(text.data() + start, comma - start);
    if (!part.empty()) {
      int pid = 0;
      auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), pid);
      if (ec != std::errc() || p != part.data() + part.size() || pid <= 0) return false;
      out.push_back(pid);
    }
    start = comma + 1;
  }
  return true;
}

template <typename T>
bool parse_number(const std::string& text, T& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

// NAME,NAME,...: the names of a comma list; false on an empty one.
bool parse_name_list(const std::string& text, std::vector<std::string>& out) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma == start) return false;
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return true;
}

bool is_power_of_two(std::uint64_t v) { return v && !(v & (v - 1)); }

ParseOutcome fail(const std::string& what) { return {std::nullopt, 1, "etrace: " + what + " (see etrace --help)"}; }

}  // namespace

std::vector<std::string> expand_long_options(const std::vector<std::string>& args, std::string* error) {
  std::vector<std::string> out;
  std::size_t i = 0;
  if (!args.empty()) out.push_back(args[i++]);
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--" || a.size() < 2 || a[0] != '-') break;  // the command starts here
    if (a[1] != '-') {  // a cluster of short options; the last may take the next word
      out.push_back(a);
      for (std::size_t k = 1; k < a.size(); ++k) {
        if (kShortWithArg.find(a[k]) == std::string_view::npos) continue;
        if (k + 1 == a.size() && i + 1 < args.size()) out.push_back(args[++i]);
        break;
      }
      continue;
    }
    const std::string_view body = std::string_view(a).substr(2);
    const std::size_t eq = body.find('=');
    const std::string_view name = body.substr(0, eq);
    std::optional<std::string_view> value;
    if (eq != std::string_view::npos) value = body.substr(eq + 1);
    const LongOption* lo = find_long(name);
    if (!lo) {
      // "--comm=": an empty value given as such, not a cue to take the next word as the value.
      if (value && value->empty() &&
          std::find(kOwnLongWithArg.begin(), kOwnLongWithArg.end(), a.substr(0, a.size() - 1)) != kOwnLongWithArg.end()) {
        out.push_back(a.substr(0, a.size() - 1));
        out.emplace_back();
        continue;
      }
      out.push_back(a);
      for (auto own : kOwnLongWithArg)
        if (own == a && i + 1 < args.size()) out.push_back(args[++i]);
      continue;
    }
    switch (lo->kind) {
      case LongKind::Qualifier:
      case LongKind::ShortArg: {
        std::string v;
        if (value) v = std::string(*value);
        else if (i + 1 < args.size()) v = args[++i];
        else {
          if (error) *error = "option '--" + std::string(name) + "' requires an argument";
          return {};
        }
        if (lo->kind == LongKind::Qualifier) {
          out.push_back("-e");
          out.push_back(std::string(name) + "=" + v);
        } else {
          out.push_back(std::string(lo->short_form));
          out.push_back(v);
        }
        break;
      }
      case LongKind::Flag:
        if (value) {
          if (error) *error = "option '--" + std::string(name) + "' doesn't allow an argument";
          return {};
        }
        out.push_back(std::string(lo->short_form));
        break;
      case LongKind::Optional:
        for (auto& s : expand_optional(name, value)) out.push_back(std::move(s));
        break;
    }
  }
  for (; i < args.size(); ++i) out.push_back(args[i]);
  return out;
}

ParseOutcome parse_options(int argc, const char* const* argv) {
  std::string expand_error;
  std::vector<std::string> words =
      expand_long_options(std::vector<std::string>(argv, argv + argc), &expand_error);
  if (!expand_error.empty()) return fail(expand_error);

  Options o;
  CLI::App app{"etrace: trace system calls with eBPF; strace's output without ptrace's cost.\n"
               "Traces CMD [ARGS...], or what -p PID, --system-wide, --comm NAME or --cgroup PATH select.",
               "etrace"};
  app.footer(kExamples);
  app.prefix_command(true);  // everything after CMD belongs to CMD
  app.set_help_flag("-h,--help", "Print this help with examples");
  // An option given twice takes its last value, as strace's getopt does (test harnesses and
  // wrappers append -a or -s to a command line that already has one).
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  std::vector<std::string> pid_args;
  std::string strsize_arg, column_arg;
  int follow = 0, yflag = 0, xflag = 0, tflag = 0, qflag = 0;
  bool version = false, separately = false, list_syscalls = false;
  auto take_all = [](CLI::Option* opt) {
    return opt->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  };

  app.add_flag("-f,--follow-forks", follow, "Follow children and threads created after the start (-ff: one file per thread, FILE.PID, with -o)");
  take_all(app.add_option("-p,--attach", pid_args, "Attach to process PID (repeatable, or comma-separated)")->type_name("PID"));
  take_all(app.add_option("-e", o.exprs, "Filter expression: trace=SET, status=SET, signal=SET, quiet=SET, read=FDS, write=FDS, verbose=SET, abbrev=SET, raw=SET, trace-fds=FDS, decode-fds=SET, decode-pids=SET (strace's grammar)")->type_name("EXPR"));
  app.add_option("-o,--output", o.output, "Write the trace to FILE instead of stderr")->type_name("FILE");
  app.add_flag("-A,--output-append-mode", o.append, "Append to the -o file instead of truncating it");
  app.add_flag("--output-separately", separately, "With -f: one output file per thread (FILE.PID), as -ff");
  app.add_option("-s,--string-limit", strsize_arg, "Print at most N bytes of each string (default 32)")->type_name("N");
  app.add_flag("-y", yflag, "Print paths of fds (-yy: socket endpoints and devices too)");
  app.add_flag("-Y", o.decode_pids_comm, "Print the command name beside each pid (--decode-pids=comm)");
  app.add_flag("--pidns-translation", o.pidns_translation,
               "Print a pid a process in a pid namespace sees with etrace's number for it (--decode-pids=pidns)");
  app.add_flag("-x", xflag, "Print non-ASCII strings in hex (-xx: all strings)");
  app.add_option("-X", o.xlat_style, "Constants as names (abbrev), numbers (raw) or both (verbose)")->type_name("FORMAT");
  app.add_flag("-v,--no-abbrev", o.verbose, "Print structures in full");
  app.add_flag("-t", tflag, "Prefix lines with the time of day (-tt: with microseconds, -ttt: seconds since the epoch)");
  app.add_flag("-r", o.relative, "Prefix lines with the time since the previous line");
  app.add_flag("-T", o.durations, "Show the time spent in each call: <0.000123>");
  app.add_flag("-n,--syscall-number", o.numbers, "Show syscall numbers: [  1] write(...)");
  app.add_option("-a,--columns", column_arg, "Align return values at column N (default 40)")->type_name("N");
  app.add_flag("-c,--summary-only", o.summary, "Count calls, errors and time per syscall; print only the summary at exit");
  app.add_flag("-C,--summary", o.summary_too, "Like -c, and print the trace too");
  app.add_option("-S,--summary-sort-by", o.summary_sort, "Sort the -c table by time, min-time, max-time, avg-time, calls, errors, name or nothing")->type_name("SORTBY");
  app.add_option("-U,--summary-columns", o.summary_columns, "Columns of the -c table: time-percent, total-time, min-time, max-time, avg-time, calls, errors, name")->type_name("COLUMNS");
  app.add_flag("-w,--summary-wall-clock", o.wall_time, "Summarise the wall-clock time of calls, entry to exit (default: system CPU time)");
  app.add_flag("-Z,--failed-only", o.only_failed, "Only calls that failed");
  app.add_flag("-z,--successful-only", o.only_successful, "Only calls that succeeded");
  app.add_flag("-q", qflag, "Quieter: no attach/detach messages (-qq: no exit lines either, -qqq: nothing suppressible)");
  take_all(app.add_option("-P,--trace-path", o.paths, "Only calls that touch PATH, by name or through an fd (repeatable)")->type_name("PATH"));
  app.add_option("-u,--user", o.user, "Run the command as USER (a name or a uid), with its groups")->type_name("USER");
  take_all(app.add_option("-E,--env", o.env, "Run the command with VAR=VAL in its environment, or without VAR (repeatable)")->type_name("VAR[=VAL]"));
  app.add_flag("--system-wide", o.system_wide, "Trace every process on the machine (except etrace)");
  take_all(app.add_option("--comm", o.comms, "Only processes with this command name (repeatable); decided in the kernel")->type_name("NAME"));
  app.add_option("--cgroup", o.cgroup, "Only processes in this cgroup (v2 directory) and below")->type_name("PATH");
  app.add_option("--container", o.container,
                 "Only the processes of this container (docker, podman, containerd, CRI-O: an id or its prefix; "
                 "systemd-nspawn: the machine's name), found in the cgroup v2 tree")
      ->type_name("ID|NAME");
  app.add_flag("--json", o.json, "Print JSON Lines instead of strace text");
  app.add_flag("--always-show-pid", o.always_show_pid, "Prefix every line with the pid");
  app.add_option("--buffer-size", o.buffer_size, "Ring buffer size, a power of two: bytes, or with K, M or G (default 64M)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false));  // K = 1024
  std::string syscall_limit_arg, rate_limit_arg, nice_arg;
  std::vector<std::string> exclude_comm_args, exclude_pid_args;
  app.add_option("--syscall-limit", syscall_limit_arg, "Stop tracing after N calls have been shown (those the filters keep); the command runs on, untraced")
      ->type_name("N");
  app.add_option("--rate-limit", rate_limit_arg, "Record at most N calls per second of each process, decided in the kernel; the rest are counted and shown as a gap")
      ->type_name("N");
  take_all(app.add_option("--exclude-comm", exclude_comm_args, "Never trace processes with this command name (repeatable, or comma-separated); decided in the kernel")
               ->type_name("NAME"));
  take_all(app.add_option("--exclude-pid", exclude_pid_args, "Never trace process PID (repeatable, or comma-separated); decided in the kernel")
               ->type_name("PID"));
  app.add_option("--nice", nice_arg, "etrace's own scheduling priority, -20 to 19 (default -10, or ETRACE_NICE): lower loses fewer events, higher intrudes less")
      ->type_name("N");
  app.add_flag("-V,--version", version, "Print the version and the kernel features etrace detects");
  // For shell completions: the names trace= accepts, from the same table the parser uses.
  app.add_flag("--list-syscalls", list_syscalls, "Print the syscall names and %classes trace= accepts, one a line");
  // strace habits that have nothing to do here: accepted, so a command line carries over.
  bool seccomp_bpf = false, stack_trace = false;
  std::string interruptible;
  app.add_flag("--seccomp-bpf", seccomp_bpf, "Accepted for strace's command lines: etrace always filters in the kernel");
  app.add_option("-I,--interruptible", interruptible,
                 "Which signals stop etrace: 1 anywhere, 2 waiting (all: default), 3 never, 4 never_tstp "
                 "(SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM are ignored while the command runs; default with -o FILE "
                 "and a command)")
      ->type_name("N");
  app.add_flag("-k,--stack-trace", stack_trace, "Not supported: stack traces of calls");

  std::vector<const char*> cargv;
  for (const auto& w : words) cargv.push_back(w.c_str());
  try {
    app.parse(static_cast<int>(cargv.size()), cargv.data());
  } catch (const CLI::CallForHelp&) {
    return {std::nullopt, 0, app.help()};
  } catch (const CLI::ParseError& e) {
    return fail(e.what());
  }
  if (version) return {std::nullopt, 0, "etrace -- version " + std::string(etrace_version()), true};
  if (list_syscalls) {
    std::string names;
    for (const auto& n : trace_set_names()) names += (names.empty() ? "" : "\n") + n;
    return {std::nullopt, 0, names};
  }
  if (stack_trace) return fail("-k (a stack trace of each call) is not supported; trace without it");
  for (auto& rest : app.remaining()) o.command.push_back(rest);
  // CLI11 hands an unknown option before the command over as the command itself; a command
  // that starts with '-' is only one after "--" (which CLI11 drops).
  bool after_dashdash = false;
  if (!o.command.empty() && o.command.front() == "--") {
    o.command.erase(o.command.begin());
    after_dashdash = true;
  }
  for (std::size_t i = 0; !o.command.empty() && i + 1 < words.size(); ++i)
    after_dashdash = after_dashdash || (words[i] == "--" && words[i + 1] == o.command.front());
  if (!after_dashdash && !o.command.empty() && o.command.front().size() > 1 && o.command.front()[0] == '-')
    return fail("unrecognized option '" + o.command.front() + "'");
  // An empty value is a slip (an unset shell variable), never a request for the default: -u ''
  // would run the command as root, -o '' would trace to the terminal.
  if (app.count("-u") && o.user.empty()) return fail("-u/--user: empty user name (give a user name or a uid)");
  if (app.count("-o") && o.output.empty())
    return fail("-o/--output: empty file name (give a path, or leave -o out to trace to stderr)");
  for (const auto& p : o.paths)
    if (p.empty()) return fail("-P/--trace-path: empty path (give the path of a file whose calls to trace)");
  if (app.count("-U") && o.summary_columns.empty())
    return fail("-U/--summary-columns: empty column list (give columns such as name,calls,errors)");
  for (const auto& c : o.comms)
    if (c.empty()) return fail("--comm: empty command name (give a name as /proc/PID/comm shows it)");
  if (app.count("--cgroup") && o.cgroup.empty())
    return fail("--cgroup: empty path (give a cgroup v2 directory, such as /sys/fs/cgroup/system.slice)");
  if (app.count("--container") && o.container.empty())
    return fail("--container: empty id (give a container id, an id prefix or a machine name)");
  if (!o.container.empty() && !o.cgroup.empty())
    return fail("--container and --cgroup both choose a cgroup: give one of them");
  if (app.count("-s") && strsize_arg.empty()) return fail("invalid -s argument: ''");
  if (app.count("-a") && column_arg.empty()) return fail("invalid -a argument: ''");
  for (const auto& p : pid_args)
    if (!parse_pid_list(p, o.pids)) return fail("Invalid process id: '" + p + "'");
  if (!strsize_arg.empty()) {
    int n = -1;
    if (!parse_number(strsize_arg, n) || n < 0) return fail("invalid -s argument: '" + strsize_arg + "'");
    o.strsize = static_cast<std::uint32_t>(n);
  }
  if (!column_arg.empty()) {
    int n = -1;
    if (!parse_number(column_arg, n) || n < 0) return fail("invalid -a argument: '" + column_arg + "'");
    if (n > kMaxColumn)
      return fail("invalid -a argument: '" + column_arg + "': the column is at most " + std::to_string(kMaxColumn));
    o.column = n;
  }
  if (app.count("--syscall-limit") && (!parse_number(syscall_limit_arg, o.syscall_limit) || o.syscall_limit == 0))
    return fail("invalid --syscall-limit argument: '" + syscall_limit_arg + "' (a number of calls, at least 1)");
  if (app.count("--rate-limit") && (!parse_number(rate_limit_arg, o.rate_limit) || o.rate_limit == 0))
    return fail("invalid --rate-limit argument: '" + rate_limit_arg + "' (calls per second, at least 1)");
  for (const auto& c : exclude_comm_args)
    if (!parse_name_list(c, o.exclude_comms)) return fail("invalid --exclude-comm argument: '" + c + "' (a command name)");
  for (const auto& p : exclude_pid_args)
    if (p.empty() || !parse_pid_list(p, o.exclude_pids))
      return fail("invalid --exclude-pid argument: '" + p + "' (a process id)");
  if (o.exclude_comms.size() > 64) return fail("--exclude-comm takes at most 64 names");
  if (o.exclude_pids.size() > 1024) return fail("--exclude-pid takes at most 1024 pids");
  for (int pid : o.exclude_pids)
    if (std::find(o.pids.begin(), o.pids.end(), pid) != o.pids.end())
      return fail("pid " + std::to_string(pid) + " is given to both -p and --exclude-pid; give it to one");
  if (app.count("--nice")) {
    int n = 0;
    if (!parse_number(nice_arg, n) || n < -20 || n > 19)
      return fail("invalid --nice argument: '" + nice_arg + "' (a priority from -20 to 19)");
    o.nice = n;
  }
  if (!interruptible.empty()) {
    static constexpr std::string_view kNames[] = {"anywhere", "waiting", "never", "never_tstp"};
    for (int i = 0; i < 4; ++i)
      if (interruptible == kNames[i] || interruptible == std::to_string(i + 1)) o.interruptible = i + 1;
    if (o.interruptible == 0) return fail("invalid -I argument: '" + interruptible + "'");
  }
  o.follow = std::min(follow, 2);
  if (separately && o.follow == 1) o.follow = 2;
  o.decorate_fds = std::min(yflag, 2);
  o.hex = std::min(xflag, 2);
  o.timestamps = std::min(tflag, 3);
  o.quiet = std::min(qflag, 3);
  for (const auto& e : o.env)
    if (e.empty() || e.front() == '=') return fail("invalid -E argument: '" + e + "'");
  if (o.summary && o.summary_too) return fail("-c/--summary-only and -C/--summary are mutually exclusive");
  if (o.summary_too) o.summary = true;
  if (!o.summary && !o.summary_columns.empty())
    return fail("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
  if (!o.summary && o.wall_time) return fail("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
  if (!o.summary && app.count("-S"))
    o.warnings.push_back("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
  if (!is_power_of_two(o.buffer_size) || o.buffer_size < 4096)
    return fail("--buffer-size must be a power of two of at least 4096 bytes");
  if (!parse_summary_sort(o.summary_sort)) return fail("invalid sortby: '" + o.summary_sort + "'");
  if (o.xlat_style != "raw" && o.xlat_style != "abbrev" && o.xlat_style != "verbose")
    return fail("invalid -X argument: '" + o.xlat_style + "'");
  if (!o.summary_columns.empty()) {
    std::string bad;
    if (!parse_summary_columns(o.summary_columns, &bad)) return fail("unknown column name: '" + bad + "'");
  }
  if (o.append && o.output.empty()) o.warnings.push_back("-A/--output-append-mode has no effect without -o/--output");
  if (o.command.empty() && o.pids.empty() && !o.system_wide && o.comms.empty() && o.cgroup.empty() &&
      o.container.empty())
    return fail("must have a command to run, -p PID, --system-wide, --comm NAME, --cgroup PATH or --container ID");
  if (!o.command.empty() && o.system_wide)
    return fail("--system-wide traces existing processes; give no command with it");
  if (o.command.empty() && (!o.user.empty() || !o.env.empty()))
    return fail("-u/--user and -E/--env apply to a command that etrace runs; give one");
  return {o, 0, {}};
}

bool pid_on_every_line(const Options& o) {
  return o.always_show_pid || (!o.output.empty() && o.follow > 0) || o.system_wide || !o.comms.empty() ||
         !o.cgroup.empty() || !o.container.empty();
}

}  // namespace etrace
