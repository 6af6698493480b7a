// Internal to decode/: getsockopt's and setsockopt's arguments (sockopt.cpp).
#pragma once

#include "decode/printers.h"

namespace etrace {

void args_getsockopt(const CallView& v);
void args_setsockopt(const CallView& v);

}  // namespace etrace
