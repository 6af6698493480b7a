// The kernel features etrace's BPF object needs, each known by a name the kernel's BTF carries
// (an enumerator of its BPF uapi enums) and the release that brought it. Checked when the
// object fails to load, so that an older kernel gets one line naming what it lacks instead of
// a verifier log.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace etrace {

struct KernelFeature {
  std::string_view btf_enum;    // e.g. "bpf_map_type"
  std::string_view enumerator;  // e.g. "BPF_MAP_TYPE_RINGBUF"
  std::string_view what;        // as the user reads it
  std::string_view since;       // the Linux release that added it
};

// Oldest first; the last one's release is the oldest kernel etrace can load on.
std::span<const KernelFeature> required_kernel_features();

// The first feature `has(enum, enumerator)` says the kernel lacks, or nullptr.
const KernelFeature* first_missing_feature(
    const std::function<bool(std::string_view btf_enum, std::string_view enumerator)>& has);

// "this kernel (Linux RELEASE) is too old for etrace: ..." (main adds "etrace: "); with
// `btf_file` (ETRACE_BTF), the kernel that file describes.
std::string missing_feature_message(const KernelFeature& feature, std::string_view release,
                                    std::string_view btf_file = {});

// What -V says about the kernel, after the version line: where its BTF comes from (empty
// `btf_source`: none could be read, and etrace cannot run), then each required feature with
// "yes" or "no" as `has` finds it in that BTF, then the optional ones with `optional_result`
// (e.g. "fentry/fexit (Linux 5.5): no (attach: Not supported)"), one a line.
std::string kernel_feature_report(
    std::string_view release, std::string_view btf_source,
    const std::function<bool(std::string_view btf_enum, std::string_view enumerator)>& has,
    std::span<const std::string> optional_results);

}  // namespace etrace
