#include "format/emitter.h"

#include <vector>

namespace etrace {

void Emitter::flag_parts(std::span<const FlagPart> parts) {
  std::vector<std::string_view> names;
  std::uint64_t raw = 0, rest = 0;
  for (const FlagPart& p : parts) {
    // A shift's name and octal permissions are no flag names: their bits stay in raw.
    if (p.form == PartForm::Flags) names.insert(names.end(), p.names.begin(), p.names.end());
    raw |= p.raw;
    rest |= p.unknown_rest;
  }
  flags(names, raw, rest);
}

}  // namespace etrace
