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
