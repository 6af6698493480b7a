#include "stats/summary.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "syscalls/syscall_table.h"

namespace etrace {

namespace {

std::string name_of(std::int64_t nr) {
  const SyscallInfo* info = SyscallTable::native().by_number(nr);
  return info ? std::string(info->name) : unknown_syscall_name(nr);
}

std::uint64_t avg_us(const SyscallTotals& t) { return t.calls ? t.ns / t.calls / 1000 : 0; }

struct ColumnLook {
  std::string_view header;  // already padded to the column's width
  std::size_t width;
};

ColumnLook look(SummaryColumn c) {
  switch (c) {
    case SummaryColumn::TimePercent: return {"% time", 6};
    case SummaryColumn::TotalTime: return {"    seconds", 11};
    case SummaryColumn::MinTime: return {"shortest", 8};
    case SummaryColumn::MaxTime: return {" longest", 8};
    case SummaryColumn::AvgTime: return {" usecs/call", 11};
    case SummaryColumn::Calls: return {"    calls", 9};
    case SummaryColumn::Errors: return {"   errors", 9};
    case SummaryColumn::Name: return {"syscall", 16};
  }
  return {"", 0};
}

// One cell; `pct` is the row's share of the total time (100 for the total row).
std::string cell(SummaryColumn c, const SyscallTotals& t, double pct, std::string_view name, bool last) {
  switch (c) {
    case SummaryColumn::TimePercent: return fmt::format("{:6.2f}", pct);
    case SummaryColumn::TotalTime: return fmt::format("{:11.6f}", static_cast<double>(t.ns) / 1e9);
    case SummaryColumn::MinTime: return fmt::format("{:8.6f}", static_cast<double>(t.min_ns) / 1e9);
    case SummaryColumn::MaxTime: return fmt::format("{:8.6f}", static_cast<double>(t.max_ns) / 1e9);
    case SummaryColumn::AvgTime: return fmt::format("{:>11}", avg_us(t));
    case SummaryColumn::Calls: return fmt::format("{:>9}", t.calls);
    // strace prints an error count of zero as blanks.
    case SummaryColumn::Errors: return t.errors ? fmt::format("{:>9}", t.errors) : std::string(9, ' ');
    case SummaryColumn::Name: return last ? std::string(name) : fmt::format("{:<16}", name);
  }
  return {};
}

struct Alias {
  std::string_view name;
  SummarySort sort;
  SummaryColumn column;
};

constexpr Alias kAliases[] = {
    {"time", SummarySort::Time, SummaryColumn::TimePercent},
    {"time-percent", SummarySort::Time, SummaryColumn::TimePercent},
    {"time_percent", SummarySort::Time, SummaryColumn::TimePercent},
    {"total-time", SummarySort::Time, SummaryColumn::TotalTime},
    {"total_time", SummarySort::Time, SummaryColumn::TotalTime},
    {"time-total", SummarySort::Time, SummaryColumn::TotalTime},
    {"time_total", SummarySort::Time, SummaryColumn::TotalTime},
    {"min-time", SummarySort::MinTime, SummaryColumn::MinTime},
    {"min_time", SummarySort::MinTime, SummaryColumn::MinTime},
    {"shortest", SummarySort::MinTime, SummaryColumn::MinTime},
    {"time-min", SummarySort::MinTime, SummaryColumn::MinTime},
    {"time_min", SummarySort::MinTime, SummaryColumn::MinTime},
    {"max-time", SummarySort::MaxTime, SummaryColumn::MaxTime},
    {"max_time", SummarySort::MaxTime, SummaryColumn::MaxTime},
    {"longest", SummarySort::MaxTime, SummaryColumn::MaxTime},
    {"time-max", SummarySort::MaxTime, SummaryColumn::MaxTime},
    {"time_max", SummarySort::MaxTime, SummaryColumn::MaxTime},
    {"avg-time", SummarySort::AvgTime, SummaryColumn::AvgTime},
    {"avg_time", SummarySort::AvgTime, SummaryColumn::AvgTime},
    {"time-avg", SummarySort::AvgTime, SummaryColumn::AvgTime},
    {"time_avg", SummarySort::AvgTime, SummaryColumn::AvgTime},
    {"calls", SummarySort::Calls, SummaryColumn::Calls},
    {"count", SummarySort::Calls, SummaryColumn::Calls},
    {"errors", SummarySort::Errors, SummaryColumn::Errors},
    {"error", SummarySort::Errors, SummaryColumn::Errors},
    {"name", SummarySort::Name, SummaryColumn::Name},
    {"syscall", SummarySort::Name, SummaryColumn::Name},
    {"syscall-name", SummarySort::Name, SummaryColumn::Name},
    {"syscall_name", SummarySort::Name, SummaryColumn::Name},
};

}  // namespace

std::optional<SummarySort> parse_summary_sort(std::string_view t) {
  if (t == "nothing" || t == "none") return SummarySort::Nothing;
  for (const auto& a : kAliases)
    if (a.name == t) return a.sort;
  return std::nullopt;
}

std::optional<std::vector<SummaryColumn>> parse_summary_columns(std::string_view text, std::string* bad) {
  std::vector<SummaryColumn> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view token = text.substr(start, comma - start);
    start = comma + 1;
    if (token.empty()) continue;
    const Alias* hit = nullptr;
    for (const auto& a : kAliases)
      if (a.name == token) hit = &a;
    if (!hit) {
      if (bad) *bad = std::string(token);
      return std::nullopt;
    }
    out.push_back(hit->column);
  }
  if (std::find(out.begin(), out.end(), SummaryColumn::Name) == out.end()) out.push_back(SummaryColumn::Name);
  return out;
}

const std::vector<SummaryColumn>& default_summary_columns() {
  static const std::vector<SummaryColumn> cols{SummaryColumn::TimePercent, SummaryColumn::TotalTime,
                                               SummaryColumn::AvgTime,     SummaryColumn::Calls,
                                               SummaryColumn::Errors,      SummaryColumn::Name};
  return cols;
}

bool needs_call_durations(const std::vector<SummaryColumn>& columns, SummarySort sort) {
  if (sort == SummarySort::MinTime || sort == SummarySort::MaxTime) return true;
  for (auto c : columns)
    if (c == SummaryColumn::MinTime || c == SummaryColumn::MaxTime) return true;
  return false;
}

void SummaryCounter::add(std::int64_t nr, bool failed, std::uint64_t ns) {
  if (nr < 0 || nr > 4095) return;
  if (by_nr_.size() <= static_cast<std::size_t>(nr)) by_nr_.resize(static_cast<std::size_t>(nr) + 1);
  auto& t = by_nr_[static_cast<std::size_t>(nr)];
  if (t.calls == 0 || ns < t.min_ns) t.min_ns = ns;
  t.max_ns = std::max(t.max_ns, ns);
  t.nr = nr;
  ++t.calls;
  t.errors += failed;
  t.ns += ns;
}

std::vector<SyscallTotals> SummaryCounter::totals() const { return by_nr_; }

std::string format_summary(std::vector<SyscallTotals> rows, SummarySort sort,
                           const std::vector<SummaryColumn>& columns) {
  std::erase_if(rows, [](const SyscallTotals& t) { return t.calls == 0; });
  if (rows.empty() || columns.empty()) return {};
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.nr < b.nr; });
  auto by = [&](auto key) {
    std::stable_sort(rows.begin(), rows.end(), [&](auto& a, auto& b) { return key(a) > key(b); });
  };
  switch (sort) {
    case SummarySort::Time: by([](const SyscallTotals& t) { return t.ns; }); break;
    case SummarySort::MinTime: by([](const SyscallTotals& t) { return t.min_ns; }); break;
    case SummarySort::MaxTime: by([](const SyscallTotals& t) { return t.max_ns; }); break;
    case SummarySort::AvgTime: by([](const SyscallTotals& t) { return avg_us(t); }); break;
    case SummarySort::Calls: by([](const SyscallTotals& t) { return t.calls; }); break;
    case SummarySort::Errors: by([](const SyscallTotals& t) { return t.errors; }); break;
    case SummarySort::Name:
      std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return name_of(a.nr) < name_of(b.nr); });
      break;
    case SummarySort::Nothing: break;
  }
  SyscallTotals total;
  total.min_ns = std::numeric_limits<std::uint64_t>::max();
  for (const auto& r : rows) {
    total.ns += r.ns;
    total.calls += r.calls;
    total.errors += r.errors;
    total.min_ns = std::min(total.min_ns, r.min_ns);
    total.max_ns = std::max(total.max_ns, r.max_ns);
  }

  std::string header, rule;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const bool last = i + 1 == columns.size();
    const ColumnLook l = look(columns[i]);
    if (i) {
      header += ' ';
      rule += ' ';
    }
    header += last || columns[i] != SummaryColumn::Name ? std::string(l.header) : fmt::format("{:<16}", l.header);
    rule.append(l.width, '-');
  }
  auto line = [&](const SyscallTotals& t, double pct, std::string_view name) {
    std::string s;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) s += ' ';
      s += cell(columns[i], t, pct, name, i + 1 == columns.size());
    }
    return s + '\n';
  };
  std::string out = header + '\n' + rule + '\n';
  for (const auto& r : rows) {
    const double pct = total.ns ? 100.0 * static_cast<double>(r.ns) / static_cast<double>(total.ns) : 0.0;
    out += line(r, pct, name_of(r.nr));
  }
  out += rule + '\n';
  out += line(total, 100.0, "total");
  return out;
}

}  // namespace etrace
