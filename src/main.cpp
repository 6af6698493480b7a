// etrace: strace's output, traced with eBPF. Parse, run, map errors to exit codes.
#include <sys/resource.h>

#include <csignal>
#include <cstdio>

#include "app/fatal.h"
#include "cli/options.h"
#include "runtime/tracer.h"

int main(int argc, char** argv) {
  auto parsed = etrace::parse_options(argc, argv);
  if (!parsed.options) {
    std::fputs(parsed.message.c_str(), parsed.exit_code ? stderr : stdout);
    std::fputc('\n', parsed.exit_code ? stderr : stdout);
    return parsed.exit_code;
  }
  try {
    const int status = etrace::run_trace(*parsed.options);
    if (const int sig = etrace::stop_signal()) {
      std::fflush(nullptr);
      const rlimit no_core{0, 0};
      setrlimit(RLIMIT_CORE, &no_core);  // SIGQUIT: no core file of etrace
      std::signal(sig, SIG_DFL);
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, sig);
      sigprocmask(SIG_UNBLOCK, &set, nullptr);
      raise(sig);
    }
    return status;
  } catch (const etrace::Fatal& e) {
    if (*e.what()) std::fprintf(stderr, "etrace: %s\n", e.what());  // empty: already said
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "etrace: internal error: %s\n", e.what());
    return 1;
  }
}
