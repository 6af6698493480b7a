// strace's string quoting: what keeps a traced program from writing control sequences to the
// operator's terminal. Printable ASCII passes; \t \n \v \f \r \" \\ use C escapes; everything
// else is octal (\33, or \033 when a digit follows), or hex with -x / -xx.
#pragma once

#include <string>
#include <string_view>

namespace etrace {

// Appends `bytes` quoted as strace does ("..." included). hex: 0 default, 1 for -x (the whole
// string in \x form when it holds any non-printable byte), 2 for -xx (always \x). `ellipsis`
// adds strace's "..." after the closing quote (the bytes were cut).
void append_quoted(std::string& out, std::string_view bytes, int hex = 0, bool ellipsis = false);

// The same text written at `p`, which has room for quoted_size_max(bytes.size()); returns its end.
char* write_quoted(char* p, std::string_view bytes, int hex, bool ellipsis);
constexpr std::size_t quoted_size_max(std::size_t n) { return 4 * n + 5; }

// strace's escaping of bytes shown inside angle brackets (-y's paths and socket names, -Y's
// command names), without quotes: \" \\ \n \t ..., '<' and '>' in octal so the brackets stay
// unambiguous, other non-printables in minimal octal.
void append_decoration(std::string& out, std::string_view bytes);
std::string escape_decoration(std::string_view bytes);

// etrace's own messages on stderr (errors, warnings, notes), which may carry a path, a name or
// an argument: printable ASCII as it is, a backslash doubled, everything else as a C escape or
// octal, so that no byte in them can move the terminal's cursor or change its state.
std::string printable(std::string_view text);

}  // namespace etrace
