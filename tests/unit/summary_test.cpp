// Lines compared with `strace -c` 6.1 output for the same totals.
#include <gtest/gtest.h>

#include "stats/summary.h"

namespace etrace {
namespace {

TEST(Summary, MatchesStraceLayout) {
  // strace -c -w printed " 20.72    0.000378          11        34        13 openat" for 34 calls,
  // 13 errors and 378 us (of 1824 us in total).
  std::vector<SyscallTotals> rows{{257, 34, 13, 378000}, {9, 30, 0, 379000}, {0, 7, 0, 1067000}};
  const std::string table = format_summary(rows, SummarySort::Time);
  EXPECT_EQ(table,
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            " 58.50    0.001067         152         7           read\n"
            " 20.78    0.000379          12        30           mmap\n"
            " 20.72    0.000378          11        34        13 openat\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.001824          25        71        13 total\n");
}

TEST(Summary, ZeroTimesKeepSyscallNumberOrderAndSortOptionsWork) {
  std::vector<SyscallTotals> rows{{3, 23, 0, 0}, {0, 7, 0, 0}, {1, 1, 0, 0}};
  const std::string t = format_summary(rows, SummarySort::Time);
  EXPECT_LT(t.find(" read\n"), t.find(" write\n"));
  EXPECT_LT(t.find(" write\n"), t.find(" close\n"));
  const std::string c = format_summary(rows, SummarySort::Calls);
  EXPECT_LT(c.find(" close\n"), c.find(" read\n"));
  EXPECT_EQ(parse_summary_sort("calls"), SummarySort::Calls);
  EXPECT_FALSE(parse_summary_sort("bogus"));
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

// Rows strace 6.1 printed for `strace -c -w -S name -U time-percent,total-time,avg-time,calls,
// errors,name,min-time,max-time ls /nonexist`; the percentages are those of these four rows alone.
TEST(Summary, AllColumnsInTheOrderGivenWithNameNotLast) {
  std::vector<SyscallTotals> rows{{218, 1, 0, 3000, 3000, 3000},
                                  {137, 2, 2, 15000, 4000, 11000},
                                  {332, 2, 2, 7000, 3000, 4000},
                                  {1, 4, 0, 22000, 4000, 8000}};
  auto cols = parse_summary_columns("time-percent,total-time,avg-time,calls,errors,name,min-time,max-time");
  ASSERT_TRUE(cols);
  EXPECT_EQ(format_summary(rows, SummarySort::Name, *cols),
            "% time     seconds  usecs/call     calls    errors syscall          shortest  longest\n"
            "------ ----------- ----------- --------- --------- ---------------- -------- --------\n"
            "  6.38    0.000003           3         1           set_tid_address  0.000003 0.000003\n"
            " 31.91    0.000015           7         2         2 statfs           0.000004 0.000011\n"
            " 14.89    0.000007           3         2         2 statx            0.000003 0.000004\n"
            " 46.81    0.000022           5         4           write            0.000004 0.000008\n"
            "------ ----------- ----------- --------- --------- ---------------- -------- --------\n"
            "100.00    0.000047           5         9         4 total            0.000003 0.000011\n");
}

// strace -c -w -U name,calls true: "syscall              calls" / "mmap                     8".
TEST(Summary, NameFirstIsPaddedToSixteen) {
  std::vector<SyscallTotals> rows{{9, 8, 0, 130000}, {59, 1, 0, 165000}};
  auto cols = parse_summary_columns("name,calls");
  ASSERT_TRUE(cols);
  EXPECT_EQ(format_summary(rows, SummarySort::Calls, *cols),
            "syscall              calls\n"
            "---------------- ---------\n"
            "mmap                     8\n"
            "execve                   1\n"
            "---------------- ---------\n"
            "total                    9\n");
}

// strace -c -w -U calls,errors true: the name column is added last ("        1           set_robust_list").
TEST(Summary, NameIsAddedWhenMissing) {
  auto cols = parse_summary_columns("calls,errors");
  ASSERT_TRUE(cols);
  ASSERT_EQ(cols->size(), 3u);
  EXPECT_EQ(cols->back(), SummaryColumn::Name);
  std::vector<SyscallTotals> rows{{273, 1, 0, 1000}};
  const std::string t = format_summary(rows, SummarySort::Time, *cols);
  EXPECT_NE(t.find("        1           set_robust_list\n"), std::string::npos) << t;
  EXPECT_NE(t.find("--------- --------- ----------------\n"), std::string::npos) << t;
}

TEST(Summary, ColumnAndSortAliasesAndErrors) {
  std::string bad;
  EXPECT_FALSE(parse_summary_columns("calls,bogus", &bad));
  EXPECT_EQ(bad, "bogus");
  for (auto a : {"time", "time-percent", "total-time", "time-total", "min-time", "shortest", "time-min",
                 "max-time", "longest", "time-max", "avg-time", "time-avg", "calls", "count", "errors", "error",
                 "name", "syscall", "syscall-name"})
    EXPECT_TRUE(parse_summary_columns(a)) << a;
  EXPECT_EQ(parse_summary_sort("shortest"), SummarySort::MinTime);
  EXPECT_EQ(parse_summary_sort("longest"), SummarySort::MaxTime);
  EXPECT_EQ(parse_summary_sort("time-avg"), SummarySort::AvgTime);
  EXPECT_EQ(parse_summary_sort("none"), SummarySort::Nothing);
  EXPECT_EQ(parse_summary_sort("syscall-name"), SummarySort::Name);
  EXPECT_TRUE(needs_call_durations(*parse_summary_columns("max-time"), SummarySort::Time));
  EXPECT_FALSE(needs_call_durations(default_summary_columns(), SummarySort::Calls));
  EXPECT_TRUE(needs_call_durations(default_summary_columns(), SummarySort::MinTime));
}

// `strace -c -e trace=connect true` prints nothing at all.
TEST(Summary, NoCallsNoTable) { EXPECT_EQ(format_summary({}, SummarySort::Time), ""); }

TEST(Summary, CounterKeepsShortestAndLongest) {
  SummaryCounter c;
  c.add(0, false, 5000);
  c.add(0, true, 2000);
  c.add(0, false, 9000);
  auto t = c.totals();
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].calls, 3u);
  EXPECT_EQ(t[0].errors, 1u);
  EXPECT_EQ(t[0].min_ns, 2000u);
  EXPECT_EQ(t[0].max_ns, 9000u);
  EXPECT_EQ(t[0].ns, 16000u);
}

}  // namespace
}  // namespace etrace
