// One decoded call as strace's text, built from the registers and the payloads the BPF side
// would have captured: what the family decoder tests compare with strace 6.1's lines.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "decode/decoder.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace etrace::test {

struct CallLine {
  explicit CallLine(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t ret)
      : info(SyscallTable::native().by_name(name)) {
    call.nr = info ? info->nr : -1;
    call.args = args;
    call.ret = ret;
    call.tgid = call.tid = 42;
    text_opts.column = 0;  // -a0: no padding before " = "
  }
  // Bytes of argument `arg` as captured at entry, or at exit.
  CallLine& at_entry(int arg, std::string b) { return bytes(arg, std::move(b), 0); }
  CallLine& at_exit(int arg, std::string b) { return bytes(arg, std::move(b), ETRACE_PLF_AT_EXIT); }
  CallLine& xlat(TextOptions::Xlat style) {
    text_opts.xlat = style;
    return *this;
  }
  CallLine& strsize(std::uint32_t s) {
    ctx.opts.max_strlen = s;
    return *this;
  }
  std::string text() {
    std::string out;
    TextEmitter e(out, text_opts);
    e.begin_call(LineInfo{}, info->name);
    decode_args(info, call, ctx, e);
    e.end_call(decode_result(info, call, ctx));
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  const SyscallInfo* info;
  SyscallCall call;
  DecodeContext ctx;
  TextOptions text_opts;

 private:
  CallLine& bytes(int arg, std::string b, std::uint16_t flags) {
    const std::uint64_t n = b.size();
    call.payloads.push_back({static_cast<std::uint8_t>(arg), ETRACE_PL_BYTES, flags, n, std::move(b)});
    return *this;
  }
};

// A struct's bytes built field by field at fixed offsets.
class StructBytes {
 public:
  explicit StructBytes(std::size_t size) : b_(size, '\0') {}
  template <class T>
  StructBytes& put(std::size_t off, T v) {
    std::memcpy(b_.data() + off, &v, sizeof v);
    return *this;
  }
  StructBytes& text(std::size_t off, std::string_view s) {
    std::memcpy(b_.data() + off, s.data(), s.size());
    return *this;
  }
  operator std::string() const { return b_; }

 private:
  std::string b_;
};

}  // namespace etrace::test
