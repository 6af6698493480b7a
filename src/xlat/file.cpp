#include "xlat/xlat.h"

namespace etrace {

std::span<const XlatTable> xlat_tables_file() { return {}; }

}  // namespace etrace
