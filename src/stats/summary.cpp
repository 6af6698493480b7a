#include "stats/summary.h"

#include <algorithm>

#include <fmt/format.h>

#include "syscalls/syscall_table.h"

namespace etrace {

namespace {

constexpr std::string_view kRule = "------ ----------- ----------- --------- --------- ----------------\n";

std::string name_of(std::int64_t nr) {
  const SyscallInfo* info = SyscallTable::native().by_number(nr);
  return info ? std::string(info->name) : unknown_syscall_name(nr);
}

// strace prints an error count of zero as blanks ("%9.0lu").
std::string errors_column(std::uint64_t errors) {
  return errors ? fmt::format("{:>9}", errors) : std::string(9, ' ');
}

}  // namespace

std::optional<SummarySort> parse_summary_sort(std::string_view t) {
  if (t == "time" || t == "total-time" || t == "total_time") return SummarySort::Time;
  if (t == "calls" || t == "count") return SummarySort::Calls;
  if (t == "errors" || t == "error") return SummarySort::Errors;
  if (t == "name" || t == "syscall" || t == "syscall_name") return SummarySort::Name;
  if (t == "nothing" || t == "none") return SummarySort::Nothing;
  return std::nullopt;
}

void SummaryCounter::add(std::int64_t nr, bool failed, std::uint64_t ns) {
  if (nr < 0 || nr > 4095) return;
  if (by_nr_.size() <= static_cast<std::size_t>(nr)) by_nr_.resize(static_cast<std::size_t>(nr) + 1);
  auto& t = by_nr_[static_cast<std::size_t>(nr)];
  t.nr = nr;
  ++t.calls;
  t.errors += failed;
  t.ns += ns;
}

std::vector<SyscallTotals> SummaryCounter::totals() const { return by_nr_; }

std::string format_summary(std::vector<SyscallTotals> rows, SummarySort sort) {
  std::erase_if(rows, [](const SyscallTotals& t) { return t.calls == 0; });
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.nr < b.nr; });
  switch (sort) {
    case SummarySort::Time:
      std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.ns > b.ns; });
      break;
    case SummarySort::Calls:
      std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.calls > b.calls; });
      break;
    case SummarySort::Errors:
      std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.errors > b.errors; });
      break;
    case SummarySort::Name:
      std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return name_of(a.nr) < name_of(b.nr); });
      break;
    case SummarySort::Nothing:
      break;
  }
  std::uint64_t total_ns = 0, total_calls = 0, total_errors = 0;
  for (const auto& r : rows) {
    total_ns += r.ns;
    total_calls += r.calls;
    total_errors += r.errors;
  }
  std::string out = "% time     seconds  usecs/call     calls    errors syscall\n";
  out += kRule;
  for (const auto& r : rows) {
    const double pct = total_ns ? 100.0 * static_cast<double>(r.ns) / static_cast<double>(total_ns) : 0.0;
    fmt::format_to(std::back_inserter(out), "{:6.2f} {:11.6f} {:>11} {:>9} {} {}\n", pct,
                   static_cast<double>(r.ns) / 1e9, r.ns / r.calls / 1000, r.calls, errors_column(r.errors),
                   name_of(r.nr));
  }
  out += kRule;
  fmt::format_to(std::back_inserter(out), "100.00 {:11.6f} {:>11} {:>9} {} total\n",
                 static_cast<double>(total_ns) / 1e9, total_calls ? total_ns / total_calls / 1000 : 0,
                 total_calls, errors_column(total_errors));
  return out;
}

}  // namespace etrace
