#!/usr/bin/python3
"""Run real programs under `strace -f` and `etrace -f` (same cwd, same environment), normalise both traces
(scripts/compare/normalise.py says what and why), and report per program the share of strace's lines
that etrace reproduces exactly: each process's lines are matched in order with difflib. The end of the
report groups the differences by syscall, argument and shape. Exit status 0: it is a report."""
import argparse
import difflib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import normalise  # noqa: E402
from classify import classify_pair, label  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SRC = os.path.join(REPO, "tests", "compare")
PYTHON = "/usr/bin/python3"  # not a pyenv shim: the shim would add its own exec chain to the trace
# One fixed environment for both tracers, so the traced calls do not depend on who runs the script.
ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "TERM": "dumb",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
}


@dataclass
class Program:
    name: str
    argv: list
    opts: list = field(default_factory=list)
    before: str = ""  # shell run in the work dir before each traced run


PROGRAMS = [
    Program("cat", ["cat", "fixture/a.txt", "fixture/b.bin"]),
    Program("cat-s64-x", ["cat", "fixture/b.bin"], ["-s", "64", "-x"]),
    Program("ls-l", ["ls", "-l", "fixture"]),
    Program("ls-la-y", ["ls", "-la", "fixture/sub"], ["-y"]),
    Program("cp", ["cp", "fixture/a.txt", "copy.txt"], before="rm -f copy.txt"),
    Program("stat", ["stat", "fixture/a.txt", "fixture"]),
    Program("stat-v", ["stat", "-L", "fixture/link"], ["-v"]),
    Program("dd", ["dd", "if=fixture/a.txt", "of=dd.out", "bs=16", "count=3", "status=none"]),
    Program("find", ["find", "fixture"]),
    Program("ls-usr-bin", ["ls", "/usr/bin"]),
    Program("sort", ["sort", "fixture/a.txt"]),
    Program("gzip", ["gzip", "-c", "fixture/a.txt"]),
    Program("du", ["du", "-s", "fixture"]),
    Program("date", ["date", "-u", "+%Y"]),
    Program("env", ["env"]),
    Program("sed", ["sed", "-n", "1p", "fixture/a.txt"]),
    Program("head-tail", ["sh", "-c", "head -3 fixture/a.txt | tail -1"]),
    Program("grep-r", ["grep", "-r", "fox", "fixture"]),
    Program("tar", ["tar", "-cf", "fixture.tar", "fixture"], before="rm -f fixture.tar"),
    Program("cat-e-trace", ["cat", "fixture/a.txt"], ["-e", "trace=openat,read,write,close"]),
    Program("id", ["id"]),
    Program("uname", ["uname", "-a"]),
    Program("sleep", ["sleep", "0.05"]),
    Program("fileops", ["{bin}/fileops"]),
    Program("fileops-y", ["{bin}/fileops"], ["-y"]),
    Program("dirs", ["{bin}/dirs", "fixture"]),
    Program("dirs-v", ["{bin}/dirs", "fixture"], ["-v"]),
    Program("sh-pipe", ["sh", "-c", "ls fixture | wc -l > /tmp/x"]),
    Program("sh-script", ["sh", "{src}/shell_pipes.sh"], before="rm -f out-*.txt"),
    Program("tcp", ["{bin}/tcp"]),
    Program("tcp-yy", ["{bin}/tcp"], ["-yy"]),
    Program("udp", ["{bin}/udp"]),
    Program("unix", ["{bin}/unix"]),
    Program("unix-yy", ["{bin}/unix"], ["-yy"]),
    Program("py-sockets", [PYTHON, "{src}/py_sockets.py"]),
    Program("py-hello", [PYTHON, "-c", "print('hello')"]),
    Program("forkexec", ["{bin}/forkexec"]),
    Program("signals", ["{bin}/signals"]),
    Program("threads", ["{bin}/threads"]),
    Program("memory", ["{bin}/memory"]),
    Program("events", ["{bin}/events"]),
    Program("events-yy", ["{bin}/events"], ["-yy"]),
    Program("errors", ["{bin}/errors"]),
    Program("errors-eacces", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "{bin}/errors", "eacces"]),
    # System tools a strace user commonly traces: /proc readers, netlink (rtnetlink, sock_diag),
    # statfs, ioprio, namespaces, signals sent to a process group and SIGPIPE in a pipeline.
    Program("ps-p1", ["ps", "-o", "pid,user,comm", "-p", "1"]),
    Program("ip-addr", ["ip", "addr", "show", "lo"]),
    Program("ip-route", ["ip", "route"]),
    Program("ss-tln", ["ss", "-tln"]),
    Program("df", ["df", "/"]),
    Program("free", ["free"]),
    Program("mount", ["mount"]),
    Program("stty", ["stty", "-a"]),
    Program("timeout", ["timeout", "0.2", "sleep", "1"]),
    Program("sigpipe", ["sh", "-c", "seq 100000 | head -1"]),
    Program("nice-flock", ["sh", "-c", "nice -n 5 true; flock flock.lock true; ionice -c 3 true; taskset -c 0 true"],
            before="rm -f flock.lock"),
    Program("prlimit", ["prlimit", "--nofile=100:200", "true"]),
    Program("unshare", ["unshare", "-m", "-u", "true"]),
    # File-manipulating coreutils, one chain in a scratch dir so the fixture stays untouched.
    Program("fs-tools", ["sh", "-c", "mkdir -p t/d1/d2 && ln -s d1 t/l1 && chmod 700 t/d1 && touch -d @1700000000 t/f "
                         "&& truncate -s 100 t/f && mv t/f t/g && readlink -f t/l1 && realpath t/l1 && rmdir t/d1/d2 "
                         "&& rm -rf t"], before="rm -rf t"),
    Program("checksums", ["sh", "-c", "md5sum fixture/b.bin; sha256sum fixture/a.txt; base64 fixture/sub/c.txt; "
                          "od -c fixture/sub/c.txt; wc fixture/a.txt"]),
    Program("awk", ["awk", "{{n += length($0)}} END {{print n}}", "fixture/a.txt"]),
    Program("xargs-tee", ["sh", "-c", "ls fixture | xargs -n 2 echo | tee tee.out > /dev/null"], before="rm -f tee.out"),
    Program("bash-subst", ["bash", "-c", "x=$(echo hi | tr a-z A-Z); echo $x $((1 + 2)) > /dev/null"]),
    Program("git-init", ["git", "init", "-q", "repo"], before="rm -rf repo"),
    Program("curl-file", ["curl", "-s", "-o", "/dev/null", "file:///tmp/etrace-compare/work/fixture/a.txt"]),
    Program("file", ["file", "fixture/a.txt", "fixture/b.bin"]),
    # Python snippets, one area each.
    Program("py-threads", [PYTHON, "-c", "import threading\n"
                           "ts = [threading.Thread(target=sum, args=([1, 2],)) for _ in range(3)]\n"
                           "[t.start() for t in ts]; [t.join() for t in ts]"]),
    Program("py-select", [PYTHON, "-c", "import os, select\n"
                          "r, w = os.pipe(); os.write(w, b'x')\n"
                          "select.select([r], [], [], 1)\n"
                          "p = select.poll(); p.register(r, select.POLLIN); p.poll(100)\n"
                          "e = select.epoll(); e.register(r, select.EPOLLIN | select.EPOLLET); e.poll(0.1); e.close()"]),
    Program("py-mmap", [PYTHON, "-c", "import mmap\n"
                        "m = mmap.mmap(-1, 8192); m[0:5] = b'hello'; m.madvise(mmap.MADV_DONTNEED); m.close()\n"
                        "f = open('fixture/a.txt', 'rb'); m2 = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)\n"
                        "m2.madvise(mmap.MADV_SEQUENTIAL); m2.close()"]),
    Program("py-socketpair", [PYTHON, "-c", "import socket, array\n"
                              "a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)\n"
                              "a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)\n"
                              "a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)\n"
                              "a.sendmsg([b'hi'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array('i', [0]))])\n"
                              "b.recvmsg(16, 64); a.shutdown(socket.SHUT_WR)"]),
    Program("py-inet6", [PYTHON, "-c", "import socket\n"
                         "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)\n"
                         "s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)\n"
                         "s.bind(('::1', 23465)); s.listen(1)\n"
                         "c = socket.create_connection(('::1', 23465)); a, peer = s.accept()\n"
                         "c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); c.send(b'x'); a.recv(1)"]),
    Program("py-eventfd", [PYTHON, "-c", "import os\n"
                           "fd = os.eventfd(0, os.EFD_CLOEXEC | os.EFD_NONBLOCK); os.eventfd_write(fd, 3); os.eventfd_read(fd)\n"
                           "m = os.memfd_create('etrace', os.MFD_CLOEXEC); os.ftruncate(m, 4096)\n"
                           "p = os.pidfd_open(os.getpid()); os.close(p)\n"
                           "os.sched_getaffinity(0); os.getpriority(os.PRIO_PROCESS, 0)"]),
    Program("py-signal", [PYTHON, "-c", "import os, signal\n"
                          "signal.signal(signal.SIGUSR1, lambda s, f: None); os.kill(os.getpid(), signal.SIGUSR1)\n"
                          "signal.signal(signal.SIGALRM, lambda s, f: None); signal.setitimer(signal.ITIMER_REAL, 0.01)\n"
                          "signal.sigtimedwait([signal.SIGUSR2], 0.05)\n"
                          "signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]); os.kill(os.getpid(), signal.SIGUSR2)\n"
                          "signal.sigwait([signal.SIGUSR2])"]),
    Program("py-epipe", [PYTHON, "-c", "import os\n"
                         "r, w = os.pipe(); os.close(r)\n"
                         "try: os.write(w, b'x')\n"
                         "except BrokenPipeError: pass"]),
    Program("py-subprocess", [PYTHON, "-c", "import subprocess\n"
                              "subprocess.run(['true']); subprocess.run(['cat'], input=b'x', capture_output=True)"]),
    Program("py-fileio", [PYTHON, "-c", "import os, fcntl\n"
                          "fd = os.open('pyio.tmp', os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o640)\n"
                          "os.pwrite(fd, b'abcdef', 10); os.pread(fd, 4, 10); os.fsync(fd); os.fdatasync(fd)\n"
                          "fcntl.flock(fd, fcntl.LOCK_EX); fcntl.lockf(fd, fcntl.LOCK_UN)\n"
                          "fcntl.fcntl(fd, fcntl.F_SETFL, os.O_APPEND); fcntl.fcntl(fd, fcntl.F_GETFD)\n"
                          "os.posix_fallocate(fd, 0, 100); os.lseek(fd, 0, os.SEEK_END)\n"
                          "o = os.open('pyio.copy', os.O_WRONLY | os.O_CREAT, 0o600); os.sendfile(o, fd, 0, 16)\n"
                          "os.copy_file_range(fd, o, 4, 0, 0)\n"
                          "os.utime('pyio.tmp', (1700000000, 1700000000)); os.chmod('pyio.tmp', 0o600)\n"
                          "os.rename('pyio.tmp', 'pyio.moved'); os.link('pyio.moved', 'pyio.hard')\n"
                          "os.statvfs('.'); os.access('pyio.moved', os.R_OK | os.W_OK)\n"
                          "[os.unlink(n) for n in ('pyio.moved', 'pyio.hard', 'pyio.copy')]"],
            before="rm -f pyio.*"),
    Program("py-listdir", [PYTHON, "-c", "import os\n"
                           "os.listdir('fixture'); [e.stat() for e in os.scandir('fixture')]; list(os.walk('fixture'))\n"
                           "os.chdir('fixture/sub'); os.getcwd(); os.umask(0o22); os.uname(); os.times()"]),
    Program("py-xattr", [PYTHON, "-c", "import os\n"
                         "open('xattr.tmp', 'w').close(); os.setxattr('xattr.tmp', 'user.etrace', b'value')\n"
                         "os.getxattr('xattr.tmp', 'user.etrace'); os.listxattr('xattr.tmp')\n"
                         "os.removexattr('xattr.tmp', 'user.etrace'); os.unlink('xattr.tmp')"], before="rm -f xattr.tmp"),
    # Options a strace user types, on programs like the ones above.
    Program("cat-trace-file", ["cat", "fixture/a.txt"], ["-e", "trace=%file"]),
    Program("py-inet6-net", [PYTHON, "-c", "import socket\n"
                             "s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM); s.bind(('::1', 23466)); s.listen(1)\n"
                             "c = socket.create_connection(('::1', 23466)); a, peer = s.accept()"],
            ["-e", "trace=%network"]),
    Program("sh-pipe-process", ["sh", "-c", "ls fixture | wc -l > /tmp/x"], ["-e", "trace=%process"]),
    Program("sigpipe-signone", ["sh", "-c", "seq 100000 | head -1"], ["-e", "signal=none"]),
    Program("py-epipe-write", [PYTHON, "-c", "import os\n"
                               "r, w = os.pipe(); os.close(r)\n"
                               "try: os.write(w, b'x')\n"
                               "except BrokenPipeError: pass"], ["-e", "trace=write"]),
    Program("ls-z", ["ls", "fixture", "nonexistent"], ["-z"]),
    Program("ls-Z", ["ls", "fixture", "nonexistent"], ["-Z"]),
    Program("ss-yy", ["ss", "-tln"], ["-yy"]),
    Program("cat-s100-xx", ["cat", "fixture/a.txt"], ["-s", "100", "-xx"]),
    Program("stat-Xverbose", ["stat", "fixture/a.txt"], ["-X", "verbose"]),
    Program("stat-Xraw", ["stat", "fixture/a.txt"], ["-X", "raw"]),
    Program("ls-abbrev-none", ["ls", "-l", "fixture"], ["-e", "abbrev=none"]),
    Program("ls-verbose-none", ["ls", "-l", "fixture"], ["-e", "verbose=none"]),
    Program("ls-raw-all", ["ls", "-l", "fixture"], ["-e", "raw=all"]),
    Program("cat-n", ["cat", "fixture/a.txt"], ["-n"]),
    Program("timeout-quiet", ["timeout", "0.2", "sleep", "1"], ["-e", "quiet=all"]),
]


def setup(base, baseline):
    """Fresh work dir and fixture; compiled programs in base/bin. Paths are fixed so both runs print the same."""
    bindir = os.path.join(base, "bin")
    work = os.path.join(base, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(bindir, exist_ok=True)
    os.makedirs(os.path.join(work, "fixture", "sub", "deeper"))
    os.makedirs(os.path.join(work, "fixture", "empty"))
    fx = os.path.join(work, "fixture")
    with open(os.path.join(fx, "a.txt"), "w") as f:
        f.write("".join(f"line {i}: the quick brown fox\n" for i in range(1, 21)))
    with open(os.path.join(fx, "b.bin"), "wb") as f:
        f.write(bytes(range(256)))
    with open(os.path.join(fx, "sub", "c.txt"), "w") as f:
        f.write("c\n")
    os.symlink("a.txt", os.path.join(fx, "link"))
    with open(os.path.join(work, "secret.txt"), "w") as f:
        f.write("root only\n")
    os.chmod(os.path.join(work, "secret.txt"), 0o600)
    for d in (base, bindir, work):
        os.chmod(d, 0o755)
    fixed = 1700000000  # ls -l shows mtimes: keep them the same from one script run to the next
    for root, dirs, files in os.walk(fx, topdown=False):
        for n in files + dirs:
            os.utime(os.path.join(root, n), (fixed, fixed), follow_symlinks=False)
    os.utime(fx, (fixed, fixed))
    for src in sorted(os.listdir(SRC)):
        if not src.endswith(".c"):
            continue
        out = os.path.join(bindir, src[:-2])
        cmd = ["cc", "-O1", "-Wall", "-pthread", "-o", out, os.path.join(SRC, src)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"compare: cannot build {src}:\n{r.stderr}")
    return bindir, work


def run_traced(tracer_cmd, prog, out, base, work, bindir, timeout):
    argv = [a.format(bin=bindir, src=SRC) for a in prog.argv]
    if prog.before:
        subprocess.run(["sh", "-c", prog.before], cwd=work, env=ENV)
    cmd = tracer_cmd + ["-f", "-o", out] + prog.opts + argv
    with open(os.path.join(base, "stdout"), "wb") as so, open(os.path.join(base, "stderr"), "wb") as se:
        started = time.monotonic()
        try:
            r = subprocess.run(cmd, cwd=work, env=ENV, stdin=subprocess.DEVNULL, stdout=so, stderr=se,
                               timeout=timeout)
            # strace re-raises the signal that killed the command, etrace exits 128+N as a shell reports it
            rc = 128 - r.returncode if r.returncode < 0 else r.returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        except OSError as err:  # e.g. the binary is being rebuilt: report it on this row, go on
            rc = f"cannot run {cmd[0]}: {err.strerror}"
        elapsed = time.monotonic() - started
    with open(os.path.join(base, "stderr"), errors="replace") as se:
        tracer_msgs = [ln.strip() for ln in se if ln.startswith(("etrace:", "strace:"))]
    return rc, elapsed, tracer_msgs


def compare(s_trace, e_trace):
    """Per process: SequenceMatcher over the line lists; return matched count and aligned differences."""
    matched = 0
    diffs = []  # (process, strace line or None, etrace line or None)
    for name in s_trace.order:
        s_lines = s_trace.lines[name]
        e_lines = e_trace.lines.get(name, [])
        sm = difflib.SequenceMatcher(None, s_lines, e_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                matched += i2 - i1
                continue
            s_part, e_part = s_lines[i1:i2], e_lines[j1:j2]
            for k in range(max(len(s_part), len(e_part))):
                diffs.append((name, s_part[k] if k < len(s_part) else None,
                              e_part[k] if k < len(e_part) else None))
    extra = sum(len(e_trace.lines[n]) for n in e_trace.order if n not in s_trace.lines)
    return matched, diffs, extra


def kinds_of(diffs):
    """(kind, process, strace line, etrace line) for each difference; a pair may have several kinds."""
    out = []
    for name, s, e in diffs:
        if s is not None and e is not None:
            for kind, detail in classify_pair(s, e):
                out.append((kind + (f" ({detail})" if detail else ""), name, s, e))
        elif s is not None:
            out.append((f"missing in etrace: {label(s)}", name, s, None))
        else:
            out.append((f"extra in etrace: {label(e)}", name, None, e))
    return out


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the report quietly
    ap = argparse.ArgumentParser(prog="compare-with-strace.sh", description=__doc__)
    ap.add_argument("--programs", help="comma-separated names (default: all); --list shows them")
    ap.add_argument("--list", action="store_true", help="list the programs and exit")
    ap.add_argument("--show", type=int, default=3, help="example differences per program, one per kind (default 3)")
    ap.add_argument("--kinds", type=int, default=30, help="kinds of differences to list at the end (default 30)")
    ap.add_argument("--etrace", default=os.path.join(REPO, "build", "etrace"), help="etrace binary")
    ap.add_argument("--keep", metavar="DIR", help="keep the raw and normalised traces in DIR")
    ap.add_argument("--baseline", action="store_true",
                    help="compare strace with a second strace run: the noise left after normalising")
    ap.add_argument("--base", default="/tmp/etrace-compare", help="scratch dir (fixed paths keep traces comparable)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per traced run")
    args = ap.parse_args()

    if args.list:
        for p in PROGRAMS:
            print(f"{p.name:16} {' '.join(p.opts):8} {' '.join(p.argv)}")
        return 0
    progs = PROGRAMS
    if args.programs:
        wanted = args.programs.split(",")
        unknown = [w for w in wanted if w not in {p.name for p in PROGRAMS}]
        if unknown:
            sys.exit(f"compare: unknown program(s) {','.join(unknown)}; --list shows them")
        progs = [p for p in PROGRAMS if p.name in wanted]

    other = ["strace"] if args.baseline else [os.path.abspath(args.etrace)]
    other_label = "strace#2" if args.baseline else "etrace"
    base = os.path.abspath(args.base)
    bindir, work = setup(base, args.baseline)
    raw = args.keep or os.path.join(base, "raw")
    os.makedirs(raw, exist_ok=True)

    rows, all_kinds = [], []
    total_s = total_m = 0
    print(f"{'program':16} {'strace':>6} {other_label:>8} {'same':>6} {'share':>7}  notes")
    for prog in progs:
        s_out = os.path.join(raw, f"{prog.name}.strace.txt")
        e_out = os.path.join(raw, f"{prog.name}.{other_label}.txt")
        s_rc, s_t, _ = run_traced(["strace"], prog, s_out, base, work, bindir, args.timeout)
        e_rc, e_t, e_msgs = run_traced(other, prog, e_out, base, work, bindir, args.timeout)
        notes = []
        if s_rc != e_rc:
            notes.append(f"exit {s_rc} vs {e_rc}")
        notes += e_msgs[:2]
        if not os.path.exists(e_out):
            notes.append("no output file")
            open(e_out, "w").close()
        s_trace, e_trace = normalise.load(s_out), normalise.load(e_out)
        matched, diffs, extra = compare(s_trace, e_trace)
        n = s_trace.total()
        share = matched / n if n else 0.0
        if extra:
            notes.append(f"{extra} lines of processes strace does not have")
        if e_trace.unparsed:
            notes.append(f"{len(e_trace.unparsed)} unparsable lines, e.g. {e_trace.unparsed[0][:60]!r}")
        notes.append(f"{s_t:.1f}s/{e_t:.1f}s")
        total_s += n
        total_m += matched
        rows.append((prog.name, share))
        print(f"{prog.name:16} {n:6} {e_trace.total():8} {matched:6} {share:7.1%}  {'; '.join(notes)}")
        shown = set()
        limit = args.show if e_trace.total() else min(args.show, 1)  # no trace at all: the note says why
        for kind, pname, s, e in kinds_of(diffs):
            all_kinds.append((kind, prog.name, s, e))
            if len(shown) < limit and kind not in shown:  # one example per kind: more news per line
                shown.add(kind)
                print(f"    {pname:8} strace: {s if s is not None else '(none)'}")
                print(f"    {'':8} {other_label}: {e if e is not None else '(none)'}")
        if args.keep:
            for label, tr in (("strace", s_trace), (other_label, e_trace)):
                with open(os.path.join(raw, f"{prog.name}.{label}.norm"), "w") as f:
                    for name in tr.order:
                        f.writelines(f"{name} {ln}\n" for ln in tr.lines[name])
        sys.stdout.flush()

    if args.kinds and all_kinds:
        print(f"\nMost common kinds of differences ({len(all_kinds)} in all):")
        counts = Counter(k for k, _, _, _ in all_kinds)
        first = OrderedDict()
        progs_of = {}
        for kind, pname, s, e in all_kinds:
            first.setdefault(kind, (s, e))
            progs_of.setdefault(kind, OrderedDict())[pname] = True
        for kind, count in counts.most_common(args.kinds):
            s, e = first[kind]
            where = ",".join(list(progs_of[kind])[:6]) + ("..." if len(progs_of[kind]) > 6 else "")
            print(f"{count:5}  {kind}   [{where}]")
            if s is not None:
                print(f"         strace: {s}")
            if e is not None:
                print(f"         {other_label}: {e}")
    if rows:
        worst = min(rows, key=lambda r: r[1])
        overall = total_m / total_s if total_s else 0.0
        print(f"\noverall: {overall:.1%} of {total_s} strace lines reproduced exactly; "
              f"minimum: {worst[1]:.1%} ({worst[0]})")
    if args.keep:
        print(f"raw traces kept in {raw}")
    else:
        shutil.rmtree(os.path.join(base, "raw"), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
