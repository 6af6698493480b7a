// libFuzzer target: -e expressions. Each input line is one -e argument (and "q" one -q); then
// the filter is finished as the tracer finishes it. Errors are values: nothing may crash,
// hang or trip ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "filter/expression.h"
#include "syscalls/syscall_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  static const etrace::SyscallCatalog catalog = etrace::SyscallCatalog::from(etrace::SyscallTable::native());
  etrace::FilterBuilder fb(catalog);
  int lines = 0;
  while (!input.empty() && lines++ < 16) {
    const auto nl = input.find('\n');
    const std::string_view line = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
    if (line == "q") (void)fb.add_q();
    else if (line == "z") fb.add_z();
    else if (line == "Z") fb.add_Z();
    else if (line == "v") fb.add_v();
    else (void)fb.add(line);
  }
  (void)fb.finish();
  return 0;
}
