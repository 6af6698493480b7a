// The one exception type for fatal errors: main catches it and prints "etrace: <what>" (nothing
// for an empty what: the problem was already reported, e.g. by the command's child).
#pragma once

#include <stdexcept>
#include <string>

namespace etrace {

class Fatal : public std::runtime_error {
 public:
  explicit Fatal(const std::string& what, int exit_code = 1)
      : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace etrace
