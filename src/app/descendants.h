// The processes below a pid at this moment, for `-f -p PID`: an operator attaching to a
// service's master expects its existing workers traced too, not only children forked later
// (strace follows only new ones; etrace follows both).
#pragma once

#include <string_view>
#include <vector>

namespace etrace {

// Whether the text of /proc/PID/stat is a kernel thread's (PF_KTHREAD in its flags field):
// one makes no system calls, so -p refuses it as strace does.
bool stat_is_kernel_thread(std::string_view stat);
bool is_kernel_thread(int pid);

// Every live descendant of `pid` (children, grandchildren, ...), found through /proc.
std::vector<int> descendants_of(int pid);

}  // namespace etrace
