#include "cli/options.h"

#include <CLI/CLI.hpp>

#include <charconv>

#include "stats/summary.h"

namespace etrace {

namespace {

constexpr const char* kExamples = R"(
Examples:
  etrace ls -l /                    trace a command (output on stderr)
  etrace -f -e execve ./script.sh   follow children, only execve
  etrace -p 230 -e trace=connect    attach to a running process
  etrace -f -o out.txt make         write the trace to a file, pid on every line
  etrace -s 800 -y cat /etc/hosts   longer strings, fds shown with their paths
  etrace --system-wide --comm nginx every nginx process on the machine
  etrace -c ls                      summary table of calls, errors and time
)";

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

bool is_power_of_two(std::uint64_t v) { return v && !(v & (v - 1)); }

}  // namespace

ParseOutcome parse_options(int argc, const char* const* argv) {
  Options o;
  CLI::App app{"etrace: trace system calls with eBPF; strace's output without ptrace's cost.\n"
               "Usage: etrace [OPTIONS] CMD [ARGS...] | -p PID... | --system-wide | --comm NAME | --cgroup PATH",
               "etrace"};
  app.footer(kExamples);
  app.prefix_command(true);  // everything after CMD belongs to CMD
  std::vector<std::string> pid_args;
  int follow = 0, yflag = 0, xflag = 0, tflag = 0, qflag = 0;
  bool version = false;

  app.add_flag("-f", follow, "Follow children and threads created after the start (-ff: one file per process with -o)");
  app.add_option("-p", pid_args, "Attach to process PID (repeatable, or comma-separated)")->type_name("PID")->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-e", o.exprs, "Filter expression: trace=NAME,..., status=, signal=, ... (strace's grammar)")->type_name("EXPR")->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-o", o.output, "Write the trace to FILE instead of stderr")->type_name("FILE");
  app.add_flag("-A", o.append, "Append to the -o file instead of truncating it");
  app.add_option("-s", o.strsize, "Print at most N bytes of each string (default 32)")->type_name("N");
  app.add_flag("-y", yflag, "Print paths of fds (-yy: socket endpoints too)");
  app.add_flag("-x", xflag, "Print non-ASCII strings in hex (-xx: all strings)");
  app.add_flag("-v", o.verbose, "Print structures in full");
  app.add_flag("-t", tflag, "Prefix lines with the time (-tt: microseconds, -ttt: epoch)");
  app.add_flag("-r", o.relative, "Prefix lines with the time since the previous line");
  app.add_flag("-T", o.durations, "Show the time spent in each call");
  app.add_flag("-n", o.numbers, "Show syscall numbers");
  app.add_option("-a", o.column, "Align return values at column N (default 40)")->type_name("N");
  app.add_flag("-c", o.summary, "Count calls, errors and time per syscall; print a summary at exit");
  app.add_flag("-C", o.summary_too, "Like -c, and print the trace too");
  app.add_option("-S", o.summary_sort, "Sort the -c table by time, calls, errors, name or nothing")->type_name("SORTBY");
  app.add_flag("-w", o.wall_time, "Summarise wall-clock time in calls (etrace's only measure)");
  app.add_flag("-Z", o.only_failed, "Only calls that failed");
  app.add_flag("-z", o.only_successful, "Only calls that succeeded");
  app.add_flag("-q", qflag, "Quieter: suppress attach/detach messages (-qq: exit lines too)");
  app.add_flag("--system-wide", o.system_wide, "Trace every process on the machine (except etrace)");
  app.add_option("--comm", o.comms, "Only processes with this command name (repeatable); decided in the kernel")->type_name("NAME")->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--cgroup", o.cgroup, "Only processes in this cgroup (v2 directory) and below")->type_name("PATH");
  app.add_flag("--json", o.json, "Print JSON Lines instead of strace text");
  app.add_flag("--always-show-pid", o.always_show_pid, "Prefix every line with the pid");
  app.add_option("--buffer-size", o.buffer_size, "Ring buffer size in bytes, a power of two (default 16 MiB)")->type_name("BYTES");
  app.add_flag("-V,--version", version, "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return {std::nullopt, 0, app.help()};
  } catch (const CLI::ParseError& e) {
    return {std::nullopt, 1, std::string("etrace: ") + e.what() + " (see etrace --help)"};
  }
  if (version) return {std::nullopt, 0, "etrace version 0.1.0"};
  for (auto& rest : app.remaining()) o.command.push_back(rest);
  // CLI11 hands an unknown option before the command over as the command itself.
  if (!o.command.empty() && o.command.front().size() > 1 && o.command.front()[0] == '-')
    return {std::nullopt, 1, "etrace: unrecognized option '" + o.command.front() + "' (see etrace --help)"};
  for (const auto& p : pid_args)
    if (!parse_pid_list(p, o.pids))
      return {std::nullopt, 1, "etrace: invalid process id: '" + p + "' (-p takes a pid or a comma list)"};
  o.follow = follow;
  o.decorate_fds = yflag;
  o.hex = xflag;
  o.timestamps = tflag;
  o.quiet = qflag;
  if (o.summary_too) o.summary = true;
  if (!is_power_of_two(o.buffer_size) || o.buffer_size < 4096)
    return {std::nullopt, 1, "etrace: --buffer-size must be a power of two of at least 4096 bytes"};
  if (!parse_summary_sort(o.summary_sort))
    return {std::nullopt, 1, "etrace: invalid sortby: '" + o.summary_sort + "' (time, calls, errors, name or nothing)"};
  if (o.column < 0) return {std::nullopt, 1, "etrace: -a takes a column number of 0 or more"};
  if (o.command.empty() && o.pids.empty() && !o.system_wide && o.comms.empty() && o.cgroup.empty())
    return {std::nullopt, 1,
            "etrace: must have a command to run, -p PID, --system-wide, --comm NAME or --cgroup PATH "
            "(see etrace --help)"};
  if (!o.command.empty() && (o.system_wide))
    return {std::nullopt, 1, "etrace: --system-wide traces existing processes; give no command with it"};
  return {o, 0, {}};
}

}  // namespace etrace
