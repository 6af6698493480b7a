#include "xlat/xlat.h"

namespace etrace {

std::span<const XlatTable> xlat_tables_net() { return {}; }

}  // namespace etrace
