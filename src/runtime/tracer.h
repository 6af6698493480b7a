// Runs one trace from parsed options to exit status: preflight checks, the traced command,
// the BPF session, the pipeline, and the loop that feeds it.
#pragma once

#include "cli/options.h"

namespace etrace {

// Returns etrace's exit status (the command's own status when one was run). Throws Fatal.
int run_trace(const Options& opts);

// The signal that ended the trace (0: none). Like strace, etrace then ends by that signal
// itself once run_trace has released everything, so that its parent sees how it ended.
int stop_signal();

}  // namespace etrace
