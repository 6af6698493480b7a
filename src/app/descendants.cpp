#include "app/descendants.h"

#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

namespace etrace {

namespace {

// ppid of every process, from /proc/N/stat (field 4, after the parenthesised comm).
std::multimap<int, int> children_by_parent() {
  std::multimap<int, int> out;
  DIR* proc = opendir("/proc");
  if (!proc) return out;
  while (dirent* e = readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    if (*end != '\0' || pid <= 0) continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    const auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    char state;
    int ppid;
    if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2)
      out.emplace(ppid, static_cast<int>(pid));
  }
  closedir(proc);
  return out;
}

}  // namespace

bool stat_is_kernel_thread(std::string_view stat) {
  constexpr unsigned long kPfKthread = 0x00200000;  // include/linux/sched.h
  const auto close = stat.rfind(')');
  if (close == std::string_view::npos) return false;
  const std::string rest(stat.substr(close + 1));
  char state;
  int ppid, pgrp, session, tty, tpgid;
  unsigned long flags;
  if (std::sscanf(rest.c_str(), " %c %d %d %d %d %d %lu", &state, &ppid, &pgrp, &session, &tty, &tpgid, &flags) != 7)
    return false;
  return flags & kPfKthread;
}

bool is_kernel_thread(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  return std::getline(stat, line) && stat_is_kernel_thread(line);
}

std::vector<int> descendants_of(int pid) {
  const auto tree = children_by_parent();
  std::vector<int> out;
  std::vector<int> todo{pid};
  while (!todo.empty()) {
    const int p = todo.back();
    todo.pop_back();
    auto [lo, hi] = tree.equal_range(p);
    for (auto it = lo; it != hi; ++it) {
      out.push_back(it->second);
      todo.push_back(it->second);
    }
  }
  return out;
}

}  // namespace etrace
