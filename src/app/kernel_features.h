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

}  // namespace etrace
