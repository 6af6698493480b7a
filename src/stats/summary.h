// strace's -c table: per-syscall time, calls and errors, sorted (-S), in the columns of -U,
// with a total row. Layout checked against strace 6.1 -c -w.
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
  std::uint64_t ns = 0;      // time inside the call (entry to exit), summed
  std::uint64_t min_ns = 0;  // shortest call (0 when only totals are known: in-kernel counting)
  std::uint64_t max_ns = 0;  // longest call
};

enum class SummarySort { Time, MinTime, MaxTime, AvgTime, Calls, Errors, Name, Nothing };

// -S argument, with strace's aliases: time (time-percent, time-total, total-time), min-time
// (shortest, time-min), max-time (longest, time-max), avg-time (time-avg), calls (count),
// errors (error), name (syscall, syscall-name), nothing (none).
std::optional<SummarySort> parse_summary_sort(std::string_view text);

enum class SummaryColumn { TimePercent, TotalTime, MinTime, MaxTime, AvgTime, Calls, Errors, Name };

// -U argument: a comma list of column names (aliases as for -S, plus "time" for time-percent).
// Name is appended when absent, as strace does. On error, `bad` gets the unknown token.
std::optional<std::vector<SummaryColumn>> parse_summary_columns(std::string_view text, std::string* bad = nullptr);
const std::vector<SummaryColumn>& default_summary_columns();
// Whether a column set needs per-call durations (min/max), which in-kernel counting lacks.
bool needs_call_durations(const std::vector<SummaryColumn>& columns, SummarySort sort);

// Accumulates totals by syscall number.
class SummaryCounter {
 public:
  void add(std::int64_t nr, bool failed, std::uint64_t ns);
  std::vector<SyscallTotals> totals() const;

 private:
  std::vector<SyscallTotals> by_nr_;
};

// The table exactly as strace prints it; rows with no calls are left out, and a table
// without any row is empty (strace prints nothing then).
std::string format_summary(std::vector<SyscallTotals> rows, SummarySort sort,
                           const std::vector<SummaryColumn>& columns = default_summary_columns());

}  // namespace etrace
