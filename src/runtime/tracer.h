// Runs one trace from parsed options to exit status: preflight checks, the traced command,
// the BPF session, the pipeline, and the loop that feeds it.
#pragma once

#include "cli/options.h"

namespace etrace {

// Returns etrace's exit status (the command's own status when one was run). Throws Fatal.
int run_trace(const Options& opts);

}  // namespace etrace
