// etrace: strace's output, traced with eBPF. Parse, run, map errors to exit codes.
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "app/fatal.h"
#include "app/privilege.h"
#include "cli/options.h"
#include "format/escape.h"
#include "runtime/kernel_probe.h"
#include "runtime/tracer.h"

int main(int argc, char** argv) {
  // Before anything reads the command line, the environment or a file.
  if (const std::string why = etrace::privilege_gain(etrace::current_credentials()); !why.empty()) {
    std::fprintf(stderr, "etrace: %s\n", why.c_str());
    return 1;
  }
  auto parsed = etrace::parse_options(argc, argv);
  if (parsed.version) {
    std::printf("%s\n%s", parsed.message.c_str(), etrace::probe_kernel_features().c_str());
    return 0;
  }
  if (!parsed.options) {
    // An error may echo an argument: escaped, whatever bytes it holds. Help text is ours.
    const std::string text = parsed.exit_code ? etrace::printable(parsed.message) : parsed.message;
    std::fputs(text.c_str(), parsed.exit_code ? stderr : stdout);
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
    if (*e.what()) std::fprintf(stderr, "etrace: %s\n", etrace::printable(e.what()).c_str());  // empty: already said
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "etrace: internal error: %s\n", etrace::printable(e.what()).c_str());
    return 1;
  }
}
