#!/usr/bin/python3
"""Checks of the normaliser on lines strace 6.1 really printed here (python3 -m unittest, no root)."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import normalise  # noqa: E402
from classify import classify_pair, split_args  # noqa: E402

STRACE_THREADS = """\
1930  execve("./threads", ["./threads"], 0x7ffd3d81ae98 /* 6 vars */) = 0
1930  clone3({flags=CLONE_VM|CLONE_THREAD, child_tid=0x7fa47eb25990, parent_tid=0x7fa47eb25990, exit_signal=0, stack=0x7fa47e325000, stack_size=0x7fff80, tls=0x7fa47eb256c0} => {parent_tid=[1932]}, 88) = 1932
1930  rt_sigprocmask(SIG_SETMASK, [],  <unfinished ...>
1932  rseq(0x7fa47eb25fe0, 0x20, 0, 0x53053053 <unfinished ...>
1930  <... rt_sigprocmask resumed>NULL, 8) = 0
1932  <... rseq resumed>)               = 0
1932  exit(0)                           = ?
1932  +++ exited with 0 +++
1930  getppid()                         = 1929
1930  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1932, si_uid=0, si_status=0, si_utime=3, si_stime=1} ---
1930  exit_group(0)                     = ?
"""


def load_text(text):
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write(text)
    try:
        return normalise.load(f.name)
    finally:
        os.unlink(f.name)


class NormaliseTest(unittest.TestCase):
    def test_pids_named_by_tree_and_halves_joined(self):
        t = load_text(STRACE_THREADS)
        self.assertEqual(t.order, ["P1", "P1.1"])
        self.assertEqual(t.merged_pairs, 2)
        self.assertIn("rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0", t.lines["P1"])
        # any hex of 6+ digits is taken for an address, constants too: both sides are treated alike
        self.assertIn("rseq(0xADDR, 0x20, 0, 0xADDR) = 0", t.lines["P1.1"])
        self.assertIn("getppid() = PPID", t.lines["P1"])
        self.assertTrue(any("=> {parent_tid=[P1.1]}, 88) = P1.1" in ln for ln in t.lines["P1"]))
        self.assertIn("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P1.1, si_uid=0, si_status=0, "
                      "si_utime=T, si_stime=T} ---", t.lines["P1"])
        self.assertFalse(any("padding" in ln for ln in t.lines["P1"] + t.lines["P1.1"]))

    def test_padding_rule(self):
        self.assertTrue(normalise.padding_ok("1930  close(3)                          = 0"))
        self.assertFalse(normalise.padding_ok("1930  close(3) = 0"))
        long = '1930  openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3'
        self.assertTrue(normalise.padding_ok(long))

    def test_random_bytes_keep_their_escaping_style(self):
        hexed = normalise.normalise_text('getrandom("\\x6f\\x42\\xab", 3, GRND_NONBLOCK) = 3', {})
        mixed = normalise.normalise_text('getrandom("o\\2\\253", 3, GRND_NONBLOCK) = 3', {})
        self.assertNotEqual(hexed, mixed)

    def test_syscall_numbers_and_raw_results(self):
        # -n puts "[ 318] " first; -e raw=all prints set_tid_address's tid in hex.
        self.assertEqual(normalise.normalise_text('[ 318] getrandom("\\x6f\\x42", 2, GRND_NONBLOCK) = 2', {}),
                         '[ 318] getrandom("RANDOM-HEX", 2, GRND_NONBLOCK) = 2')
        self.assertEqual(normalise.normalise_text("set_tid_address(0x7f00aa) = 0x1e61", {7777: "P1"}),
                         "set_tid_address(0xADDR) = P1")

    def test_socket_inodes_and_ephemeral_ports(self):
        line = normalise.normalise_text(
            "recvfrom(4<TCP:[127.0.0.1:23461->127.0.0.1:41234]>, \"x\", 64, 0, NULL, NULL) = 1", {})
        self.assertEqual(line, 'recvfrom(4<TCP:[127.0.0.1:23461->127.0.0.1:EPHEMERAL]>, "x", 64, 0, NULL, NULL) = 1')
        self.assertEqual(normalise.normalise_text("close(3<UNIX-STREAM:[73010->73011]>) = 0", {}),
                         "close(3<UNIX-STREAM:[INO->INO]>) = 0")


class ClassifyTest(unittest.TestCase):
    def test_split_args(self):
        self.assertEqual(split_args('f(1, "a, b", {x=1, y=[2, 3]}, NULL)'),
                         ["1", '"a, b"', "{x=1, y=[2, 3]}", "NULL"])

    def test_struct_printed_as_pointer(self):
        kinds = classify_pair('newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=1, ...}, AT_EMPTY_PATH) = 0',
                              'newfstatat(3, "", 0xADDR, AT_EMPTY_PATH) = 0')
        self.assertEqual(kinds, [("newfstatat arg 3: struct vs pointer/hex", "")])


if __name__ == "__main__":
    unittest.main()
