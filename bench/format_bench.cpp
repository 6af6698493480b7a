// The userspace path alone: raw ring-buffer records -> pipeline -> strace text, on one core.
// A recorded mix is approximated by records built the way the BPF side builds them: the
// write loop's record, an openat with its path, a read with 32 bytes of output, a close.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "etrace/event.h"
#include "format/text_emitter.h"
#include "support/record_builder.h"

namespace {

using etrace::Pipeline;

using etrace::testing::RecordBuilder;

std::vector<std::vector<std::uint8_t>> write_loop_records() {
  return {RecordBuilder::syscall(4242, 4242, 1, {3, 0x7ffd0000, 64}, 64)
              .payload(1, ETRACE_PL_BYTES, std::string(32, 'x'), 64, ETRACE_PLF_TRUNCATED)
              .build()};
}

std::vector<std::vector<std::uint8_t>> mixed_records() {
  std::vector<std::vector<std::uint8_t>> out = write_loop_records();
  out.push_back(RecordBuilder::syscall(4242, 4242, 257, {static_cast<std::uint64_t>(-100), 0x5555000, 0x80000, 0}, 3, 2)
                    .payload(1, ETRACE_PL_STRING, "/tmp/etrace-bench/a-sixty-character-path-for-the-open-loop-xx")
                    .build());
  out.push_back(RecordBuilder::syscall(4242, 4242, 0, {3, 0x7ffd1000, 4096}, 32, 3)
                    .payload(1, ETRACE_PL_BYTES, "root:x:0:0:root:/root:/bin/bash\n", 32, ETRACE_PLF_AT_EXIT)
                    .build());
  out.push_back(RecordBuilder::syscall(4242, 4242, 3, {3}, 0, 4).build());
  return out;
}

// `pid_column`: every line starts with the pid, as with strace -f -o FILE.
void run(benchmark::State& state, const std::vector<std::vector<std::uint8_t>>& records, bool pid_column = false) {
  std::string text;
  text.reserve(1 << 20);
  etrace::TextOptions topts;
  if (pid_column) topts.pid_style = etrace::TextOptions::PidStyle::Column;
  etrace::TextEmitter emitter(text, topts);
  etrace::PipelineOptions opts;
  opts.pid_on_every_line = pid_column;
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

void BM_WriteLoopPidColumn(benchmark::State& state) { run(state, write_loop_records(), true); }
void BM_MixedPidColumn(benchmark::State& state) { run(state, mixed_records(), true); }

// bench/data/nginx.records: real records of nginx under wrk (etrace -f -p master), each a
// little-endian u32 length then the record as the ring buffer delivered it.
std::vector<std::vector<std::uint8_t>> nginx_records() {
  std::ifstream in(ETRACE_SOURCE_DIR "/bench/data/nginx.records", std::ios::binary);
  const std::vector<std::uint8_t> all{std::istreambuf_iterator<char>(in), {}};
  std::vector<std::vector<std::uint8_t>> out;
  for (std::size_t at = 0; at + 4 <= all.size();) {
    const std::uint32_t n = all[at] | all[at + 1] << 8 | all[at + 2] << 16 | static_cast<std::uint32_t>(all[at + 3]) << 24;
    at += 4;
    if (n > all.size() - at) break;
    out.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(at), all.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
  }
  return out;
}

// The real binary's setup for `etrace -f -o FILE` (pid column, every line, children followed).
// ETRACE_NGINX_DUMP=N prints the first N lines of one pass once, to compare with strace by eye.
void BM_NginxReplay(benchmark::State& state) {
  static const auto records = nginx_records();
  if (records.empty()) {
    state.SkipWithError("bench/data/nginx.records missing or empty");
    return;
  }
  std::string text;
  text.reserve(1 << 20);
  etrace::TextOptions topts;
  topts.pid_style = etrace::TextOptions::PidStyle::Column;
  etrace::TextEmitter emitter(text, topts);
  etrace::PipelineOptions opts;
  opts.pid_on_every_line = true;
  opts.follow = true;
  Pipeline pipeline(opts, emitter);
  static bool dumped = false;
  if (const char* n = std::getenv("ETRACE_NGINX_DUMP"); n && !dumped) {
    dumped = true;
    std::string once;
    etrace::TextEmitter e(once, topts);
    Pipeline p(opts, e);
    for (const auto& r : records) p.on_record(r);
    e.close_open();
    std::size_t end = 0;
    for (long lines = std::atol(n); lines > 0 && end < once.size(); --lines) {
      const std::size_t nl = once.find('\n', end);
      end = nl == std::string::npos ? once.size() : nl + 1;
    }
    std::fwrite(once.data(), 1, end, stderr);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    pipeline.on_record(records[i++ % records.size()]);
    if (text.size() > (1 << 19)) text.clear();
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_WriteLoopRecord);
BENCHMARK(BM_MixedRecords);
BENCHMARK(BM_WriteLoopPidColumn);
BENCHMARK(BM_MixedPidColumn);
BENCHMARK(BM_NginxReplay);

}  // namespace

BENCHMARK_MAIN();
