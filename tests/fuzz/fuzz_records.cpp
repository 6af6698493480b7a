// libFuzzer target: ring-buffer records from arbitrary bytes, through validation, pairing,
// decoding and both emitters, as the tracer feeds them. The input's first byte picks options
// (text or JSON, -f, -v, -x, -X raw, -s); the rest is records, each a 32-bit length then its
// bytes (the format ETRACE_DUMP_RECORDS writes, so real traces are seeds).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "app/pipeline.h"
#include "decode/structs.h"
#include "format/json_emitter.h"
#include "format/text_emitter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t knobs = data[0];
  ++data;
  --size;
  std::string out;
  std::unique_ptr<etrace::Emitter> emitter;
  if (knobs & 1) {
    emitter = std::make_unique<etrace::JsonEmitter>(out);
  } else {
    etrace::TextOptions topts;
    topts.pid_style = knobs & 2 ? etrace::TextOptions::PidStyle::Column : etrace::TextOptions::PidStyle::Bracket;
    topts.hex_strings = (knobs >> 2) & 1;
    topts.xlat = knobs & 0x40 ? etrace::TextOptions::Xlat::Raw : etrace::TextOptions::Xlat::Abbrev;
    topts.durations = knobs & 0x80;
    emitter = std::make_unique<etrace::TextEmitter>(out, topts);
  }
  etrace::PipelineOptions popts;
  popts.follow = knobs & 2;
  popts.pid_on_every_line = knobs & 2;
  popts.decode.opts.verbose = knobs & 8;
  popts.decode.opts.hex_strings = (knobs >> 2) & 1;
  popts.decode.opts.raw = knobs & 0x40;
  popts.decode.opts.max_strlen = knobs & 0x10 ? 4 : 32;
  popts.status = knobs & 0x20 ? etrace::kStatusAll & ~1u : etrace::kStatusAll;
  etrace::PipelineHooks hooks;
  hooks.siginfo_printer = [&](int, std::string_view siginfo, std::uint32_t, etrace::Emitter& e) {
    etrace::DecodeContext ctx = popts.decode;
    etrace::decode_siginfo(siginfo, ctx, e);
  };
  etrace::Pipeline pipeline(popts, *emitter, hooks);
  while (size >= 4) {
    std::uint32_t len;
    std::memcpy(&len, data, 4);
    data += 4;
    size -= 4;
    if (len > size) len = static_cast<std::uint32_t>(size);
    // A copy of exactly the record's size, so that ASan sees any read past its end.
    std::unique_ptr<std::uint8_t[]> record(new std::uint8_t[len ? len : 1]);
    std::memcpy(record.get(), data, len);
    (void)pipeline.on_record({record.get(), len});
    data += len;
    size -= len;
    if (out.size() > (1 << 20)) out.clear();
  }
  emitter->close_open();
  return 0;
}
