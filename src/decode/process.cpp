// Process calls as strace 6.1 shows them: arch_prctl.
#include <cstdint>

#include "decode/families.h"
#include "decode/printers.h"
#include "decode/struct_util.h"

namespace etrace::process {

// arch_prctl(ARCH_GET_FS, [0x7f3c...]): the GET codes write the base through addr, shown as
// [value] once the call succeeded (the address, or NULL, otherwise); ARCH_GET_CPUID takes
// nothing; the other codes take a number, in hex.
void args_arch_prctl(const CallView& v) {
  constexpr std::uint32_t kGetFs = 0x1003, kGetGs = 0x1004, kGetCpuid = 0x1011;
  print_args(v, 0, 1);
  const std::uint32_t code = static_cast<std::uint32_t>(v.arg(0));
  if (code == kGetCpuid) return;
  v.out.arg(v.spec.args[1].name);
  if (code != kGetFs && code != kGetGs) return v.arg(1) ? v.out.hex(v.arg(1)) : v.out.uinteger(0);
  const Payload* p = v.succeeded() && v.ctx.opts.deref ? exit_payload(v.call, 1) : nullptr;
  if (!v.arg(1) || !p || p->bytes.size() < 8) return v.out.pointer(v.arg(1));
  v.out.begin_array();
  v.out.element();
  v.out.pointer(structs::Bytes(p->bytes).u64(0));
  v.out.end_array();
}

}  // namespace etrace::process
