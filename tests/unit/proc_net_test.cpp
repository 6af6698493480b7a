// /proc/net parsing against tables captured on this machine while a python3 program held the
// sockets below open; the expected strings are what `strace -yy` printed for the same fds in
// that same run (fstat of each: newfstatat(3<TCP:[127.0.0.1:40325]>, ...)).
#include "proc/proc_net.h"

#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace etrace {
namespace {

constexpr std::string_view kTcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     \n"
    "   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 106 1 0000000015a61900 100 0 0 10 0                       \n"
    "   1: 0100007F:9D85 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11005 1 000000002e165cb9 100 0 0 10 0                     \n"
    "   2: 0100007F:94EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 10710 1 00000000de48c1ef 100 0 0 10 0                     \n"
    "   3: 0100007F:B6D0 0100007F:9D85 01 00000000:00000000 00:00000000 00000000     0        0 11006 2 00000000da6a5797 20 0 0 10 -1                     \n"
    "   4: 0100007F:9738 0100007F:94EB 06 00000000:00000000 03:00000B76 00000000     0        0 0 3 000000008440c4cb                                      \n"
    "   5: 0100007F:9746 0100007F:94EB 06 00000000:00000000 03:00000C48 00000000     0        0 0 3 00000000a892ca5d                                      \n"
    "   6: 0100007F:976C 0100007F:94EB 06 00000000:00000000 03:00000C48 00000000     0        0 0 3 000000008c034583                                      \n"
    "   7: 0100007F:979A 0100007F:94EB 06 00000000:00000000 03:00000C7B 00000000     0        0 0 3 0000000020440be5                                      \n"
    "   8: 0100007F:97AC 0100007F:94EB 06 00000000:00000000 03:00000CE9 00000000     0        0 0 3 000000000fc8b52c                                      \n"
    "   9: 0100007F:97C4 0100007F:94EB 06 00000000:00000000 03:00000CE9 00000000     0        0 0 3 00000000db8c8018                                      \n"
    "  10: 0100007F:9D85 0100007F:B6D0 01 00000000:00000000 00:00000000 00000000     0        0 11007 1 0000000011841d51 20 0 0 10 -1                     \n";
constexpr std::string_view kTcp6 =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000001000000:9513 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11010 1 00000000737b7623 100 0 0 10 0\n"
    "   1: 00000000000000000000000001000000:E4D4 00000000000000000000000001000000:9513 01 00000000:00000000 00:00000000 00000000     0        0 11011 2 0000000077e8fdd6 20 0 0 10 -1\n"
    "   2: 00000000000000000000000001000000:9513 00000000000000000000000001000000:E4D4 01 00000000:00000000 00:00000000 00000000     0        0 11012 1 00000000cd55d2a8 20 0 0 10 -1\n";
constexpr std::string_view kUdp =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops            \n"
    " 8735: 0100007F:B520 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 11008 2 000000000312d9d0 0         \n"
    "14470: 0100007F:8B87 0100007F:B520 01 00000000:00000000 00:00000000 00000000     0        0 11009 2 00000000cad12992 0         \n";
constexpr std::string_view kUdp6 =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
    "13579: 00000000000000000000000001000000:880C 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 11013 2 00000000bb3d859f 0\n";
constexpr std::string_view kUnix =
    "Num       RefCount Protocol Flags    Type St Inode Path\n"
    "000000004e85c8d4: 00000003 00000000 00000000 0001 03 10711\n"
    "00000000298298e0: 00000003 00000000 00000000 0001 03 10712\n"
    "000000007681a8e1: 00000003 00000000 00000000 0001 03   103\n"
    "00000000d32ffc04: 00000002 00000000 00010000 0001 01 11016 /tmp/fds/sock\n"
    "000000006c29f70a: 00000002 00000000 00000000 0002 01 11021 /tmp/fds/dg\n"
    "0000000076a92e66: 00000003 00000000 00000000 0001 03 11015\n"
    "000000008234c4f9: 00000003 00000000 00000000 0001 03 10714\n"
    "0000000001a17e90: 00000003 00000000 00000000 0001 03 10713\n"
    "00000000bc45ace3: 00000003 00000000 00000000 0001 03 11018 /tmp/fds/sock\n"
    "00000000b323fc12: 00000003 00000000 00000000 0001 03   102\n"
    "00000000359e20e9: 00000003 00000000 00000000 0001 03 11017\n"
    "00000000620bd8f5: 00000003 00000000 00000000 0001 03 11014\n"
    "000000003ac9b42c: 00000002 00000000 00010000 0001 01 11019 @abstract\n";
constexpr std::string_view kNetlink =
    "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
    "0000000055894198 0   0          00000000 0        0        0     2        0        4       \n"
    "00000000ab7e952d 0   8777       00000000 0        0        0     2        0        11020   \n"
    "000000009844338c 4   0          00000000 0        0        0     2        0        1512    \n"
    "000000007959446b 6   0          00000000 0        0        0     2        0        1514    \n"
    "000000004be70deb 7   0          00000000 0        0        0     2        0        1126    \n"
    "000000002d8c3ed9 9   0          00000000 0        0        0     2        0        6       \n"
    "0000000034639aee 10  0          00000000 0        0        0     2        0        1047    \n"
    "000000007cbc6a8b 11  0          00000000 0        0        0     2        0        1032    \n"
    "00000000ae938ddf 12  0          00000000 0        0        0     2        0        1513    \n"
    "00000000c66d4e86 15  0          00000000 0        0        0     2        0        1026    \n"
    "000000008f2a9541 16  0          00000000 0        0        0     2        0        5       \n";

TEST(ProcNetTest, TcpListeningAndConnected) {
  EXPECT_EQ(find_inet_endpoint(kTcp, 11005), "127.0.0.1:40325");                  // TCP:[127.0.0.1:40325]
  EXPECT_EQ(find_inet_endpoint(kTcp, 11006), "127.0.0.1:46800->127.0.0.1:40325");
  EXPECT_EQ(find_inet_endpoint(kTcp, 11007), "127.0.0.1:40325->127.0.0.1:46800");
  EXPECT_EQ(find_inet_endpoint(kTcp, 106), "0.0.0.0:2024");
  EXPECT_EQ(find_inet_endpoint(kTcp, 424242), std::nullopt);
  EXPECT_EQ(find_inet_endpoint(kTcp, 0), std::nullopt);  // TIME_WAIT rows have inode 0
}

TEST(ProcNetTest, Tcp6) {
  EXPECT_EQ(find_inet_endpoint(kTcp6, 11010), "[::1]:38163");                     // TCPv6:[[::1]:38163]
  EXPECT_EQ(find_inet_endpoint(kTcp6, 11011), "[::1]:58580->[::1]:38163");
  EXPECT_EQ(find_inet_endpoint(kTcp6, 11012), "[::1]:38163->[::1]:58580");
}

TEST(ProcNetTest, Udp) {
  EXPECT_EQ(find_inet_endpoint(kUdp, 11008), "127.0.0.1:46368");                  // UDP:[127.0.0.1:46368]
  EXPECT_EQ(find_inet_endpoint(kUdp, 11009), "127.0.0.1:35719->127.0.0.1:46368");
  EXPECT_EQ(find_inet_endpoint(kUdp6, 11013), "[::1]:34828");                     // UDPv6:[[::1]:34828]
}

TEST(ProcNetTest, UnixNamesWithoutSockDiag) {
  auto listener = find_unix_socket(kUnix, 11016);
  ASSERT_TRUE(listener);
  EXPECT_EQ(format_unix_endpoint(11016, *listener), "11016,\"/tmp/fds/sock\"");  // UNIX-STREAM:[11016,"/tmp/fds/sock"]
  auto abstract = find_unix_socket(kUnix, 11019);
  ASSERT_TRUE(abstract);
  EXPECT_EQ(format_unix_endpoint(11019, *abstract), "11019,@\"abstract\"");      // UNIX-STREAM:[11019,@"abstract"]
  auto dgram = find_unix_socket(kUnix, 11021);
  ASSERT_TRUE(dgram);
  EXPECT_EQ(format_unix_endpoint(11021, *dgram), "11021,\"/tmp/fds/dg\"");       // UNIX:[11021,"/tmp/fds/dg"]
  auto unnamed = find_unix_socket(kUnix, 11014);
  ASSERT_TRUE(unnamed);
  EXPECT_EQ(format_unix_endpoint(11014, *unnamed), "11014");
  EXPECT_FALSE(find_unix_socket(kUnix, 99));
}

TEST(ProcNetTest, UnixWithPeerFromSockDiag) {
  // strace: 17<UNIX-STREAM:[11018->11017,"/tmp/fds/sock"]>, 13<UNIX-STREAM:[11014->11015]>
  EXPECT_EQ(format_unix_endpoint(11018, UnixSockInfo{"/tmp/fds/sock", 11017}), "11018->11017,\"/tmp/fds/sock\"");
  EXPECT_EQ(format_unix_endpoint(11014, UnixSockInfo{"", 11015}), "11014->11015");
}

TEST(ProcNetTest, Netlink) {
  EXPECT_EQ(find_netlink_endpoint(kNetlink, 11020), "ROUTE:8777");  // NETLINK:[ROUTE:8777]
  EXPECT_EQ(find_netlink_endpoint(kNetlink, 1512), "SOCK_DIAG:0");
  EXPECT_EQ(find_netlink_endpoint(kNetlink, 5), "GENERIC:0");
  EXPECT_EQ(find_netlink_endpoint(kNetlink, 77), std::nullopt);
}

TEST(ProcNetTest, ProtocolFiles) {
  EXPECT_EQ(proc_net_file_for("TCP"), "tcp");
  EXPECT_EQ(proc_net_file_for("UDPv6"), "udp6");
  EXPECT_EQ(proc_net_file_for("UNIX-STREAM"), "unix");
  EXPECT_EQ(proc_net_file_for("PACKET"), "");
}

TEST(ProcNetTest, EscapeDecoration) {
  EXPECT_EQ(escape_decoration("/tmp/fds/a>b"), "/tmp/fds/a\\76b");
  EXPECT_EQ(escape_decoration(std::string_view("\1\0\0" "7", 4)), "\\1\\0\\0007");  // digit after: 3 octal digits
}

// The real system, when it can answer: our own stdin and a socketpair we hold.
TEST(ProcNetTest, RealProcFsReadsOurOwnFds) {
  auto fs = make_real_procfs();
  auto link = fs->read_link("/proc/self/exe");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->front(), '/');
  EXPECT_TRUE(fs->read_file("/proc/self/net/unix"));
  EXPECT_FALSE(fs->read_link("/proc/self/fd/987654"));

  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  auto inode_of = [&](int fd) {
    auto l = fs->read_link("/proc/self/fd/" + std::to_string(fd));
    return l ? std::stoull(l->substr(8)) : 0;  // "socket:[N]"
  };
  auto diag = fs->unix_diag(inode_of(sv[0]));
  ASSERT_TRUE(diag);  // NETLINK_SOCK_DIAG answers for our own namespace
  EXPECT_EQ(diag->peer, inode_of(sv[1]));
  EXPECT_EQ(diag->name, "");
  EXPECT_EQ(fs->get_xattr("/proc/self/fd/" + std::to_string(sv[0]), "system.sockprotoname"), "UNIX-STREAM");
  ::close(sv[0]);
  ::close(sv[1]);
}

}  // namespace
}  // namespace etrace
