// Process calls as strace 6.1 shows them: arch_prctl.
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "decode/families.h"
#include "decode/printers.h"
#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace::process {

namespace {

// A number with its meaning in a comment whatever -X says, but for -X raw (strace's
// "0xe7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|XFEATURE_MASK_AVX512 */" for the XSAVE
// features, which have no names in the UAPI headers).
void number_with_meaning(Emitter& out, std::uint64_t value, std::string meaning) {
  value ? out.hex(value) : out.uinteger(0);
  if (!meaning.empty()) out.decoded_comment(meaning);
}

std::string xfeature_mask_text(std::uint64_t mask) {
  const XlatTable* t = find_xlat("arch_xfeatures");
  if (!t || !mask) return {};
  const FlagSplit s = xlat_split_flags(*t, mask);
  if (s.names.empty()) return "XFEATURE_MASK_???";
  std::string text;
  for (std::string_view n : s.names) (text += text.empty() ? "" : "|") += n;
  if (s.rest) text += fmt::format("|{:#x}", s.rest);
  return text;
}

std::string xfeature_text(std::uint64_t bit) {
  const XlatTable* t = find_xlat("arch_xfeature_bits");
  const std::string_view name = t ? xlat_name(*t, bit) : std::string_view();
  return name.empty() ? "XFEATURE_???" : std::string(name);
}

}  // namespace

// arch_prctl(ARCH_GET_FS, [0x7f3c...]): the GET codes write through addr, shown as [value]
// once the call succeeded (the address, or NULL, otherwise): the FS or GS base, or a mask of
// XSAVE features; ARCH_REQ_XCOMP_PERM asks for one feature by number; ARCH_GET_CPUID takes
// nothing; the other codes take a number, in hex.
void args_arch_prctl(const CallView& v) {
  constexpr std::uint32_t kGetFs = 0x1003, kGetGs = 0x1004, kGetCpuid = 0x1011, kGetXcompSupp = 0x1021,
                          kGetXcompPerm = 0x1022, kReqXcompPerm = 0x1023, kGetXcompGuestPerm = 0x1024,
                          kReqXcompGuestPerm = 0x1025;
  print_args(v, 0, 1);
  const std::uint32_t code = static_cast<std::uint32_t>(v.arg(0));
  if (code == kGetCpuid) return;
  v.out.arg(v.spec.args[1].name);
  if (code == kReqXcompPerm || code == kReqXcompGuestPerm)
    return number_with_meaning(v.out, v.arg(1), xfeature_text(v.arg(1)));
  const bool base = code == kGetFs || code == kGetGs;
  const bool features = code == kGetXcompSupp || code == kGetXcompPerm || code == kGetXcompGuestPerm;
  if (!base && !features) return v.arg(1) ? v.out.hex(v.arg(1)) : v.out.uinteger(0);
  const Payload* p = v.succeeded() && v.ctx.opts.deref ? exit_payload(v.call, 1) : nullptr;
  if (!v.arg(1) || !p || p->bytes.size() < 8) return v.out.pointer(v.arg(1));
  const std::uint64_t value = structs::Bytes(p->bytes).u64(0);
  v.out.begin_array();
  v.out.element();
  if (base) v.out.pointer(value);
  else number_with_meaning(v.out, value, xfeature_mask_text(value));
  v.out.end_array();
}

}  // namespace etrace::process
