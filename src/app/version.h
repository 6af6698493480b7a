// etrace's version: the nearest git tag (v1.2 -> "1.2", with "-N-gCOMMIT" after it past the
// tag), "BASE-gCOMMIT" in an untagged checkout, or "BASE (built DATE)" outside git; "-dirty"
// when the tree had uncommitted changes. Written at build time by cmake/version.cmake.
#pragma once

#include <string_view>

namespace etrace {

std::string_view etrace_version();

}  // namespace etrace
