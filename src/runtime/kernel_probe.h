// What this kernel offers etrace, for -V: its BTF, the BPF features etrace needs (looked up by
// name in that BTF, as a failed load does), and the optional ones that only an attempt can tell.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace etrace {

// The lines -V prints after the version line (see kernel_feature_report()). Loads nothing
// unless the caller may: without CAP_BPF and CAP_PERFMON, the probes say so instead.
std::string probe_kernel_features();

// Whether the kernel's BTF (or ETRACE_BTF's, when `custom_btf` names a file) has enumerator
// `value` in enum `name`: how the kernel tells which BPF map types, helpers and attach types it
// has. Everything is there when the BTF cannot be read (the load's own error is reported instead).
std::function<bool(std::string_view name, std::string_view value)> kernel_btf_has(const char* custom_btf);

}  // namespace etrace
