#include "runtime/kernel_probe.h"

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "app/kernel_features.h"
#include "app/load_failure.h"

namespace etrace {

namespace {

int quiet_print(libbpf_print_level, const char*, va_list) { return 0; }

std::string errno_name(int err) { return std::strerror(err < 0 ? -err : err); }

// fentry/fexit programs need the kernel's function tracer (CONFIG_FUNCTION_TRACER and direct
// calls): a kernel can know the attach type and still refuse to attach, so the probe attaches a
// program that returns 0 to a function every kernel has, and detaches it at once.
std::string probe_fentry(const btf* vmlinux) {
  const std::string what = "fentry/fexit programs (Linux 5.5): ";
  if (!has_bpf_capabilities()) return what + "not probed (needs CAP_BPF and CAP_PERFMON, or root)";
  int func_id = -1;
  for (const char* name : {"do_sys_openat2", "vfs_read", "schedule"})
    if ((func_id = btf__find_by_name_kind(vmlinux, name, BTF_KIND_FUNC)) > 0) break;
  if (func_id <= 0) return what + "no (no kernel function to attach to in BTF)";
  const bpf_insn insns[] = {
      {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .src_reg = 0, .off = 0, .imm = 0},
      {.code = BPF_JMP | BPF_EXIT, .dst_reg = 0, .src_reg = 0, .off = 0, .imm = 0},
  };
  LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = BPF_TRACE_FENTRY,
              .attach_btf_id = static_cast<__u32>(func_id));
  const int prog = bpf_prog_load(BPF_PROG_TYPE_TRACING, "etrace_probe", "GPL", insns, 2, &opts);
  if (prog < 0) return what + "no (load: " + errno_name(errno) + ")";
  const int link = bpf_link_create(prog, 0, BPF_TRACE_FENTRY, nullptr);
  const int err = errno;
  close(prog);
  if (link < 0) return what + "no (attach: " + errno_name(err) + ")";
  close(link);
  return what + "yes";
}

}  // namespace

std::string probe_kernel_features() {
  libbpf_set_print(quiet_print);
  utsname u{};
  uname(&u);
  const char* custom = std::getenv("ETRACE_BTF");
  const bool use_custom = custom && *custom;
  std::unique_ptr<btf, decltype(&btf__free)> kbtf(use_custom ? btf__parse(custom, nullptr) : btf__load_vmlinux_btf(),
                                                  btf__free);
  if (!kbtf) return kernel_feature_report(u.release, "", {}, {});
  const std::string source = use_custom ? std::string("ETRACE_BTF ") + custom : "/sys/kernel/btf/vmlinux";
  // The probe attaches to the running kernel: another kernel's BTF (ETRACE_BTF) says nothing of it.
  std::vector<std::string> optional;
  if (!use_custom) optional.push_back(probe_fentry(kbtf.get()));
  return kernel_feature_report(u.release, source, kernel_btf_has(custom), optional);
}

std::function<bool(std::string_view, std::string_view)> kernel_btf_has(const char* custom_btf) {
  std::shared_ptr<btf> kbtf(custom_btf && *custom_btf ? btf__parse(custom_btf, nullptr) : btf__load_vmlinux_btf(),
                            btf__free);
  return [kbtf](std::string_view name, std::string_view value) {
    if (!kbtf) return true;
    const int id = btf__find_by_name_kind(kbtf.get(), std::string(name).c_str(), BTF_KIND_ENUM);
    if (id < 0) return false;
    const btf_type* t = btf__type_by_id(kbtf.get(), id);
    const struct btf_enum* e = btf_enum(t);
    for (int i = 0; i < btf_vlen(t); ++i)
      if (value == btf__name_by_offset(kbtf.get(), e[i].name_off)) return true;
    return false;
  };
}

}  // namespace etrace
