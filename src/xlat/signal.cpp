#include "xlat/xlat.h"

namespace etrace {

std::span<const XlatTable> xlat_tables_signal() { return {}; }

}  // namespace etrace
