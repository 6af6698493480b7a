// Internal to decode/: prctl's arguments and result (prctl.cpp).
#pragma once

#include "decode/printers.h"

namespace etrace {

void args_prctl(const CallView& v);
void result_prctl(const SyscallCall& call, DecodeContext& ctx, CallResult& r);

}  // namespace etrace
