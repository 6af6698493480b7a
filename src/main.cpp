// etrace: strace's output, traced with eBPF. Parse, run, map errors to exit codes.
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
    return etrace::run_trace(*parsed.options);
  } catch (const etrace::Fatal& e) {
    if (*e.what()) std::fprintf(stderr, "etrace: %s\n", e.what());  // empty: already said
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "etrace: internal error: %s\n", e.what());
    return 1;
  }
}
