// ioctl requests: the names of a request number, and strace's _IOC(...) text for one it does not know.
#pragma once

#include <cstdint>
#include <string>

namespace etrace {

// Every name the tables give this number, sorted and joined by " or " ("BTRFS_IOC_CLONE or
// FICLONE"); empty when none does.
std::string ioctl_request_name(std::uint32_t request);

// The request split into its fields as strace prints an unknown one:
// "_IOC(_IOC_READ|_IOC_WRITE, 0x24, 0xed, 0x3eed)"; each number in hex, 0 as "0".
std::string ioctl_code_text(std::uint32_t request);

}  // namespace etrace
