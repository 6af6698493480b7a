// The static etrace compiles {fmt}'s out-of-line functions from fmt's own headers: Debian's
// libfmt-dev ships only the shared library. format-inl.h defines them; the templates etrace's
// objects call are instantiated here for char, as the shared library instantiates them.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto decimal_point_impl<char>(locale_ref) -> char;
}  // namespace detail
FMT_END_NAMESPACE
