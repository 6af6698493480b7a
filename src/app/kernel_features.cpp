#include "app/kernel_features.h"

#include <array>

namespace etrace {

namespace {

constexpr std::array kFeatures{
    KernelFeature{"bpf_attach_type", "BPF_TRACE_RAW_TP", "BTF tracepoints (tp_btf)", "5.5"},
    KernelFeature{"bpf_map_type", "BPF_MAP_TYPE_RINGBUF", "the BPF ring buffer", "5.8"},
    KernelFeature{"bpf_attach_type", "BPF_TRACE_ITER", "BPF task iterators", "5.8"},
    KernelFeature{"bpf_map_type", "BPF_MAP_TYPE_TASK_STORAGE", "BPF task storage", "5.11"},
    KernelFeature{"bpf_func_id", "BPF_FUNC_get_current_task_btf", "the bpf_get_current_task_btf helper", "5.11"},
    KernelFeature{"bpf_func_id", "BPF_FUNC_task_pt_regs", "the bpf_task_pt_regs helper", "5.15"},
    KernelFeature{"bpf_func_id", "BPF_FUNC_loop", "the bpf_loop helper", "5.17"},
};

}  // namespace

std::span<const KernelFeature> required_kernel_features() { return kFeatures; }

const KernelFeature* first_missing_feature(
    const std::function<bool(std::string_view btf_enum, std::string_view enumerator)>& has) {
  for (const KernelFeature& f : kFeatures)
    if (!has(f.btf_enum, f.enumerator)) return &f;
  return nullptr;
}

std::string missing_feature_message(const KernelFeature& feature, std::string_view release,
                                    std::string_view btf_file) {
  const std::string kernel = btf_file.empty() ? "this kernel (Linux " + std::string(release) + ")"
                                              : "the kernel described by ETRACE_BTF '" + std::string(btf_file) + "'";
  return kernel + " is too old for etrace: it lacks " +
         std::string(feature.what) + " (Linux " + std::string(feature.since) + "); etrace needs Linux " +
         std::string(kFeatures.back().since) + " or later";
}

std::string kernel_feature_report(
    std::string_view release, std::string_view btf_source,
    const std::function<bool(std::string_view btf_enum, std::string_view enumerator)>& has,
    std::span<const std::string> optional_results) {
  std::string out = "Kernel: Linux " + std::string(release) + "\n";
  if (btf_source.empty())
    return out + "BTF: none (etrace needs /sys/kernel/btf/vmlinux, or a BTF file in ETRACE_BTF)\n";
  out += "BTF: " + std::string(btf_source) + "\n";
  out += "Required features:\n";
  for (const KernelFeature& f : kFeatures)
    out += "  " + std::string(f.what) + " (Linux " + std::string(f.since) + "): " +
           (has(f.btf_enum, f.enumerator) ? "yes" : "no") + "\n";
  if (!optional_results.empty()) out += "Optional features:\n";
  for (const std::string& r : optional_results) out += "  " + r + "\n";
  return out;
}

}  // namespace etrace
