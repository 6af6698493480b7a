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

BENCHMARK(BM_WriteLoopRecord);
BENCHMARK(BM_MixedRecords);
BENCHMARK(BM_WriteLoopPidColumn);
BENCHMARK(BM_MixedPidColumn);

}  // namespace

BENCHMARK_MAIN();
