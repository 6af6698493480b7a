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
  // Records this build cannot decode would time a shortcut, not the work.
  if (pipeline.malformed() != 0)
    state.SkipWithError((std::to_string(pipeline.malformed()) + " records did not decode: record them again").c_str());
  state.SetItemsProcessed(state.iterations());
}

void BM_WriteLoopRecord(benchmark::State& state) { run(state, write_loop_records()); }
void BM_MixedRecords(benchmark::State& state) { run(state, mixed_records()); }

void BM_WriteLoopPidColumn(benchmark::State& state) { run(state, write_loop_records(), true); }
void BM_MixedPidColumn(benchmark::State& state) { run(state, mixed_records(), true); }

// bench/data/nginx.records: real records of nginx under wrk (etrace -f -p master), saved by
// ETRACE_DUMP_RECORDS: a header with the record layout version, then each record as a
// little-endian u32 length and the bytes the ring buffer delivered. Empty with a reason when
// the file is missing or of another layout version.
std::vector<std::vector<std::uint8_t>> nginx_records(std::string& why) {
  std::ifstream in(ETRACE_SOURCE_DIR "/bench/data/nginx.records", std::ios::binary);
  const std::vector<std::uint8_t> all{std::istreambuf_iterator<char>(in), {}};
  std::vector<std::vector<std::uint8_t>> out;
  const auto u32 = [&](std::size_t at) {
    return all[at] | all[at + 1] << 8 | all[at + 2] << 16 | static_cast<std::uint32_t>(all[at + 3]) << 24;
  };
  constexpr std::size_t magic = sizeof(ETRACE_RECORDS_MAGIC) - 1;
  if (all.size() < magic + 4 || std::memcmp(all.data(), ETRACE_RECORDS_MAGIC, magic) != 0) {
    why = "bench/data/nginx.records is missing or not saved records (ETRACE_DUMP_RECORDS)";
    return out;
  }
  if (u32(magic) != ETRACE_RECORD_ABI_VERSION) {
    why = "bench/data/nginx.records holds record layout version " + std::to_string(u32(magic)) +
          ", this build reads version " + std::to_string(ETRACE_RECORD_ABI_VERSION) + ": record it again";
    return out;
  }
  for (std::size_t at = magic + 4; at + 4 <= all.size();) {
    const std::uint32_t n = u32(at);
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
  static std::string why;
  static const auto records = nginx_records(why);
  if (records.empty()) {
    state.SkipWithError(why.empty() ? "bench/data/nginx.records holds no records" : why.c_str());
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
  // Records this build cannot decode would time a shortcut, not the work.
  if (pipeline.malformed() != 0)
    state.SkipWithError((std::to_string(pipeline.malformed()) + " records did not decode: record them again").c_str());
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_WriteLoopRecord);
BENCHMARK(BM_MixedRecords);
BENCHMARK(BM_WriteLoopPidColumn);
BENCHMARK(BM_MixedPidColumn);
BENCHMARK(BM_NginxReplay);

}  // namespace

BENCHMARK_MAIN();
