// The processes below a pid at this moment, for `-f -p PID`: an operator attaching to a
// service's master expects its existing workers traced too, not only children forked later
// (strace follows only new ones; etrace follows both).
#pragma once

#include <vector>

namespace etrace {

// Every live descendant of `pid` (children, grandchildren, ...), found through /proc.
std::vector<int> descendants_of(int pid);

}  // namespace etrace
