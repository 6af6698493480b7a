// The kernel's fd view (ETRACE_PL_FDINFO) turned into strace's -yy text. Expected strings are
// what strace 6.1 printed on this machine (kernel 6.18) for sockets in the same states, from
// `strace -f -yy` on python3 and C programs (inode numbers from those runs).
#include "proc/fd_info.h"

#include <gtest/gtest.h>

#include "fdinfo_payloads.h"

namespace etrace {
namespace {

using namespace etrace::testing;

KernelFdInfo parsed(const FdView& v, int fd = 3) {
  auto k = parse_fd_info(fdinfo_payload(0, fd, v));
  EXPECT_TRUE(k.has_value());
  return k.value_or(KernelFdInfo{});
}

TEST(FdInfo, KindsComeFromModeAndFileSystem) {
  EXPECT_EQ(parsed(pipe_view(168452)).kind, KernelFdInfo::Kind::Pipe);
  EXPECT_EQ(parsed(anon_view(9, "[eventpoll]")).kind, KernelFdInfo::Kind::AnonInode);
  EXPECT_EQ(parsed(chr_view(5, 1, 3)).kind, KernelFdInfo::Kind::File);
  EXPECT_EQ(parsed(unix_view(168400, SOCK_STREAM, 168401)).kind, KernelFdInfo::Kind::Socket);
  // A named fifo is S_IFIFO too, but not on pipefs: it has a path.
  FdView fifo = pipe_view(77);
  fifo.raw.magic = 0xEF53;  // ext4
  EXPECT_EQ(parsed(fifo).kind, KernelFdInfo::Kind::File);
}

TEST(FdInfo, PayloadFieldsAndMalformedPayloads) {
  auto k = parse_fd_info(created(21, pipe_view(168452)));
  ASSERT_TRUE(k);
  EXPECT_EQ(k->fd, 21);
  EXPECT_TRUE(k->result);
  EXPECT_FALSE(parse_fd_info(at_entry(2, 5, pipe_view(1)))->result);
  Payload shortp = fdinfo_payload(0, 3, unix_view(1, SOCK_STREAM, 2));
  shortp.bytes.resize(ETRACE_FDINFO_FILE_BYTES);  // a socket needs the whole struct
  EXPECT_FALSE(parse_fd_info(shortp));
  Payload bytes = shortp;
  bytes.type = ETRACE_PL_BYTES;
  EXPECT_FALSE(parse_fd_info(bytes));
}

// epoll_create1(EPOLL_CLOEXEC) = 5<anon_inode:[eventpoll]>; inotify_init1(0) = 3<anon_inode:inotify>;
// close(1</dev/null<char 1:3>>) = 0
TEST(FdInfo, AnonInodesAndDevices) {
  EXPECT_EQ(anon_inode_text(parsed(anon_view(9, "[eventpoll]"))), "anon_inode:[eventpoll]");
  EXPECT_EQ(anon_inode_text(parsed(anon_view(9, "inotify"))), "anon_inode:inotify");
  EXPECT_EQ(device_text(parsed(chr_view(5, 1, 3))), "char 1:3");
  EXPECT_EQ(device_text(parsed(pipe_view(5))), "");
}

TEST(FdInfo, ProtocolNamesAreTheKernels) {
  EXPECT_EQ(socket_proto_name(AF_INET, SOCK_STREAM, 0), "TCP");
  EXPECT_EQ(socket_proto_name(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP), "TCPv6");
  EXPECT_EQ(socket_proto_name(AF_INET, SOCK_DGRAM, IPPROTO_UDP), "UDP");
  EXPECT_EQ(socket_proto_name(AF_UNIX, SOCK_STREAM, 0), "UNIX-STREAM");
  EXPECT_EQ(socket_proto_name(AF_UNIX, SOCK_DGRAM, 0), "UNIX");
  EXPECT_EQ(socket_proto_name(AF_NETLINK, SOCK_RAW, 0), "NETLINK");
}

// socket(AF_INET, ...) = 3<TCP:[168360]>; bind(3<TCP:[168360]>, ...); listen(3<TCP:[127.0.0.1:23461]>, 4);
// accept4(...) = 4<TCP:[127.0.0.1:23461->127.0.0.1:52640]>;
// accept4(...) = 5<TCPv6:[[::1]:35009->[::1]:48590]>; listen(3<TCPv6:[[::1]:35009]>, 1);
// sendto(3<UDP:[175186]>, ...) then setsockopt(3<UDP:[0.0.0.0:52999]>, ...)
TEST(FdInfo, InetDetailsOnceBound) {
  EXPECT_FALSE(socket_details(parsed(inet_view(168360, AF_INET, SOCK_STREAM, nullptr, 0))));
  EXPECT_EQ(socket_details(parsed(inet_view(168360, AF_INET, SOCK_STREAM, "127.0.0.1", 23461))),
            "127.0.0.1:23461");
  EXPECT_EQ(socket_details(parsed(inet_view(2, AF_INET, SOCK_STREAM, "127.0.0.1", 23461, "127.0.0.1", 52640))),
            "127.0.0.1:23461->127.0.0.1:52640");
  EXPECT_EQ(socket_details(parsed(inet_view(5, AF_INET6, SOCK_STREAM, "::1", 35009, "::1", 48590))),
            "[::1]:35009->[::1]:48590");
  EXPECT_EQ(socket_details(parsed(inet_view(3, AF_INET6, SOCK_STREAM, "::1", 35009))), "[::1]:35009");
  EXPECT_FALSE(socket_details(parsed(inet_view(175186, AF_INET, SOCK_DGRAM, nullptr, 0))));
  EXPECT_EQ(socket_details(parsed(inet_view(175186, AF_INET, SOCK_DGRAM, "0.0.0.0", 52999))), "0.0.0.0:52999");
}

// socketpair(AF_UNIX, SOCK_STREAM, 0, [3<UNIX-STREAM:[168400->168401]>, ...]);
// listen(3<UNIX-STREAM:[168407,"unix-sock"]>, 1); listen(4<UNIX-STREAM:[168411,@"etrace-compare-abstract"]>, 1);
// accept(...) = 6<UNIX-STREAM:[168415->169278,"unix-sock"]>; socket(AF_UNIX, ...) = 3<UNIX:[175192]>
TEST(FdInfo, UnixDetailsNeedAPeerOrAName) {
  EXPECT_EQ(socket_details(parsed(unix_view(168400, SOCK_STREAM, 168401))), "168400->168401");
  EXPECT_EQ(socket_details(parsed(unix_view(168407, SOCK_STREAM, 0, std::string("unix-sock\0", 10)))),
            "168407,\"unix-sock\"");
  EXPECT_EQ(socket_details(parsed(unix_view(168411, SOCK_STREAM, 0, std::string("\0etrace-compare-abstract", 24)))),
            "168411,@\"etrace-compare-abstract\"");
  EXPECT_EQ(socket_details(parsed(unix_view(168415, SOCK_STREAM, 169278, std::string("unix-sock\0", 10)))),
            "168415->169278,\"unix-sock\"");
  EXPECT_FALSE(socket_details(parsed(unix_view(175192, SOCK_DGRAM, 0))));
}

// bind(3<NETLINK:[175191]>, {sa_family=AF_NETLINK, nl_pid=0, ...}) then setsockopt(3<NETLINK:[ROUTE:10465]>, ...)
TEST(FdInfo, NetlinkDetailsOnceItHasAPort) {
  FdView nl = socket_view(175191, AF_NETLINK, SOCK_RAW, 0 /* NETLINK_ROUTE */);
  EXPECT_FALSE(socket_details(parsed(nl)));
  nl.raw.peer = 10465;
  EXPECT_EQ(socket_details(parsed(nl)), "ROUTE:10465");
}

}  // namespace
}  // namespace etrace
