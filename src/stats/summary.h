// strace's -c table: per-syscall time, calls and errors, sorted, with a total row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace etrace {

struct SyscallTotals {
  std::int64_t nr = -1;
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  std::uint64_t ns = 0;  // time inside the call (entry to exit)
};

enum class SummarySort { Time, Calls, Errors, Name, Nothing };

// -S argument: time (total-time), calls (count), errors, name (syscall), nothing (none).
std::optional<SummarySort> parse_summary_sort(std::string_view text);

// Accumulates totals by syscall number.
class SummaryCounter {
 public:
  void add(std::int64_t nr, bool failed, std::uint64_t ns);
  std::vector<SyscallTotals> totals() const;

 private:
  std::vector<SyscallTotals> by_nr_;
};

// The table exactly as strace prints it (rows with no calls are left out).
std::string format_summary(std::vector<SyscallTotals> rows, SummarySort sort);

}  // namespace etrace
