// etrace: strace's output, traced with eBPF. Parse, run, map errors to exit codes.
#include <cstdio>
#include <string>

#include "app/fatal.h"
#include "app/privilege.h"
#include "cli/options.h"
#include "format/escape.h"
#include "runtime/tracer.h"

int main(int argc, char** argv) {
  // Before anything reads the command line, the environment or a file.
  if (const std::string why = etrace::privilege_gain(etrace::current_credentials()); !why.empty()) {
    std::fprintf(stderr, "etrace: %s\n", why.c_str());
    return 1;
  }
  auto parsed = etrace::parse_options(argc, argv);
  if (!parsed.options) {
    // An error may echo an argument: escaped, whatever bytes it holds. Help text is ours.
    const std::string text = parsed.exit_code ? etrace::printable(parsed.message) : parsed.message;
    std::fputs(text.c_str(), parsed.exit_code ? stderr : stdout);
    std::fputc('\n', parsed.exit_code ? stderr : stdout);
    return parsed.exit_code;
  }
  try {
    return etrace::run_trace(*parsed.options);
  } catch (const etrace::Fatal& e) {
    if (*e.what()) std::fprintf(stderr, "etrace: %s\n", etrace::printable(e.what()).c_str());  // empty: already said
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "etrace: internal error: %s\n", etrace::printable(e.what()).c_str());
    return 1;
  }
}
