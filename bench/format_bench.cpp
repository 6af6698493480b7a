// The userspace path alone: raw ring-buffer records -> pipeline -> strace text, on one core.
// A recorded mix is approximated by records built the way the BPF side builds them: the
// write loop's record, an openat with its path, a read with 32 bytes of output, a close.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace {

using etrace::Pipeline;

void put_payload(std::vector<std::uint8_t>& rec, std::uint8_t arg, std::uint8_t type, std::string_view bytes,
                 std::uint64_t aux, std::uint16_t flags = 0) {
  etrace_payload pl{};
  pl.arg = arg;
  pl.type = type;
  pl.flags = flags;
  pl.len = static_cast<std::uint32_t>(bytes.size());
  pl.aux = aux;
  const auto* p = reinterpret_cast<const std::uint8_t*>(&pl);
  rec.insert(rec.end(), p, p + sizeof(pl));
  rec.insert(rec.end(), bytes.begin(), bytes.end());
  rec.resize((rec.size() + 7) & ~std::size_t{7}, 0);
}

std::vector<std::uint8_t> syscall_record(long nr, std::initializer_list<std::uint64_t> args, long ret,
                                         std::uint32_t seq) {
  etrace_syscall_record r{};
  r.hdr.kind = ETRACE_REC_SYSCALL;
  r.hdr.tgid = r.hdr.tid = 4242;
  r.nr = nr;
  int i = 0;
  for (auto a : args) r.args[i++] = a;
  r.ret = ret;
  r.seq = seq;
  std::vector<std::uint8_t> out(sizeof(r));
  std::memcpy(out.data(), &r, sizeof(r));
  return out;
}

void finish(std::vector<std::uint8_t>& rec, std::uint16_t npayloads) {
  auto* r = reinterpret_cast<etrace_syscall_record*>(rec.data());
  r->npayloads = npayloads;
  r->hdr.size = static_cast<std::uint32_t>(rec.size());
}

std::vector<std::vector<std::uint8_t>> write_loop_records() {
  auto w = syscall_record(1, {3, 0x7ffd0000, 64}, 64, 1);
  put_payload(w, 1, ETRACE_PL_BYTES, std::string(32, 'x'), 64, ETRACE_PLF_TRUNCATED);
  finish(w, 1);
  return {w};
}

std::vector<std::vector<std::uint8_t>> mixed_records() {
  std::vector<std::vector<std::uint8_t>> out = write_loop_records();
  auto o = syscall_record(257, {static_cast<std::uint64_t>(-100), 0x5555000, 0x80000, 0}, 3, 2);
  put_payload(o, 1, ETRACE_PL_STRING, "/tmp/etrace-bench/a-sixty-character-path-for-the-open-loop-xx", 0);
  finish(o, 1);
  out.push_back(o);
  auto rd = syscall_record(0, {3, 0x7ffd1000, 4096}, 32, 3);
  put_payload(rd, 1, ETRACE_PL_BYTES, "root:x:0:0:root:/root:/bin/bash\n", 32, ETRACE_PLF_AT_EXIT);
  finish(rd, 1);
  out.push_back(rd);
  auto c = syscall_record(3, {3}, 0, 4);
  finish(c, 0);
  out.push_back(c);
  return out;
}

void run(benchmark::State& state, const std::vector<std::vector<std::uint8_t>>& records) {
  std::string text;
  text.reserve(1 << 20);
  etrace::TextEmitter emitter(text, {});
  etrace::PipelineOptions opts;
  Pipeline pipeline(opts, emitter);
  std::size_t i = 0;
  for (auto _ : state) {
    pipeline.on_record(records[i++ % records.size()]);
    if (text.size() > (1 << 19)) text.clear();
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_WriteLoopRecord(benchmark::State& state) { run(state, write_loop_records()); }
void BM_MixedRecords(benchmark::State& state) { run(state, mixed_records()); }

BENCHMARK(BM_WriteLoopRecord);
BENCHMARK(BM_MixedRecords);

}  // namespace

BENCHMARK_MAIN();
