#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/kernel_features.h"

namespace etrace {
namespace {

// "5.15" < "5.8" as text: compare as numbers.
std::pair<int, int> release(std::string_view v) {
  const auto dot = v.find('.');
  return {std::stoi(std::string(v.substr(0, dot))), std::stoi(std::string(v.substr(dot + 1)))};
}

TEST(KernelFeatures, ListedOldestFirst) {
  const auto all = required_kernel_features();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LE(release(all[i - 1].since), release(all[i].since)) << i;
}

TEST(KernelFeatures, KernelWithEverythingLacksNothing) {
  EXPECT_EQ(first_missing_feature([](std::string_view, std::string_view) { return true; }), nullptr);
}

TEST(KernelFeatures, OlderKernelIsToldWhatItLacksInOneLine) {
  // Linux 5.10's BTF: ring buffer, iterators, task storage and bpf_get_current_task_btf, but no
  // bpf_task_pt_regs (5.15).
  const std::set<std::string> linux_5_10 = {"BPF_TRACE_RAW_TP", "BPF_MAP_TYPE_RINGBUF", "BPF_TRACE_ITER",
                                            "BPF_MAP_TYPE_TASK_STORAGE", "BPF_FUNC_get_current_task_btf"};
  const KernelFeature* missing = first_missing_feature(
      [&](std::string_view, std::string_view value) { return linux_5_10.count(std::string(value)) > 0; });
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing_feature_message(*missing, "5.10.0-30-amd64"),
            "this kernel (Linux 5.10.0-30-amd64) is too old for etrace: it lacks the bpf_task_pt_regs helper "
            "(Linux 5.15); etrace needs Linux 5.17 or later");
}

TEST(KernelFeatures, Linux515LacksBpfLoop) {
  const KernelFeature* missing =
      first_missing_feature([](std::string_view, std::string_view value) { return value != "BPF_FUNC_loop"; });
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing_feature_message(*missing, "5.15.0-91-generic"),
            "this kernel (Linux 5.15.0-91-generic) is too old for etrace: it lacks the bpf_loop helper (Linux 5.17); "
            "etrace needs Linux 5.17 or later");
}

TEST(KernelFeatures, TheOldestMissingFeatureIsNamed) {
  // Linux 5.4: BTF but none of the BPF features etrace needs beyond it.
  const KernelFeature* missing = first_missing_feature([](std::string_view, std::string_view) { return false; });
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->enumerator, "BPF_TRACE_RAW_TP");
}

// -V: one line per feature, "no" beside what the BTF lacks, the probes' own lines after them.
TEST(KernelFeatures, VersionReportSaysWhatTheKernelHas) {
  const std::string fentry = "fentry/fexit programs (Linux 5.5): no (attach: Operation not supported)";
  const std::string report = kernel_feature_report(
      "5.15.0-91-generic", "/sys/kernel/btf/vmlinux",
      [](std::string_view, std::string_view value) { return value != "BPF_FUNC_loop"; }, std::span(&fentry, 1));
  EXPECT_EQ(report,
            "Kernel: Linux 5.15.0-91-generic\n"
            "BTF: /sys/kernel/btf/vmlinux\n"
            "Required features:\n"
            "  BTF tracepoints (tp_btf) (Linux 5.5): yes\n"
            "  the BPF ring buffer (Linux 5.8): yes\n"
            "  BPF task iterators (Linux 5.8): yes\n"
            "  BPF task storage (Linux 5.11): yes\n"
            "  the bpf_get_current_task_btf helper (Linux 5.11): yes\n"
            "  the bpf_task_pt_regs helper (Linux 5.15): yes\n"
            "  the bpf_loop helper (Linux 5.17): no\n"
            "Optional features:\n"
            "  fentry/fexit programs (Linux 5.5): no (attach: Operation not supported)\n");
}

TEST(KernelFeatures, VersionReportWithoutBtfSaysWhatIsNeeded) {
  EXPECT_EQ(kernel_feature_report("6.1.0", "", [](std::string_view, std::string_view) { return true; }, {}),
            "Kernel: Linux 6.1.0\nBTF: none (etrace needs /sys/kernel/btf/vmlinux, or a BTF file in ETRACE_BTF)\n");
}

}  // namespace
}  // namespace etrace
