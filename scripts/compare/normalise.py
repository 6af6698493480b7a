"""Turn a `strace -f -o` / `etrace -f -o` file into per-process lists of comparable lines.

Every rule here removes a difference that two runs of the *same* tracer would also show (run
`compare-with-strace.sh --baseline` to see what is left when strace is compared with itself);
nothing here hides a formatting difference between the tracers.
"""
import re
from dataclasses import dataclass, field

LINE_RE = re.compile(r"^(\d+)( +)(.*)$")
UNFINISHED = " <unfinished ...>"
RESUMED_RE = re.compile(r"^<\.\.\. ([A-Za-z0-9_]+) resumed>(.*)$")
CLONE_NAMES = ("clone", "clone3", "fork", "vfork")
RET_SEP_RE = re.compile(r"\) += ")
ADDR_RE = re.compile(r"0x[0-9a-f]{6,}")
NUMBER_RE = re.compile(r"(?<![\w.])\d+(?![\w.])")
TIME_FIELD_RE = re.compile(r"\b((?:st|stx)_[abcm]time(?:_nsec)?)=(\d+|\{tv_sec=\d+, tv_nsec=\d+\})")
DATE_COMMENT_RE = re.compile(r"/\* \d{4}-\d\d-\d\dT[0-9:.+-]+ \*/")
INODE_FIELD_RE = re.compile(r"\b(st_ino|stx_ino|d_ino)=\d+")
INODE_DECOR_RE = re.compile(r"(:\[|->)\d{3,}(?=[\],\-])")
RUSAGE_TIME_RE = re.compile(r"\b(si_utime|si_stime)=\d+")
LEFT_TIME_RE = re.compile(r"\bleft \{tv_sec=\d+, tv_(u|n)sec=\d+\}")
# Machine state that changes between two runs: memory and load (sysinfo), free space (statfs),
# and mapping addresses inside text read from /proc/PID/maps.
MACHINE_STATE_RE = re.compile(
    r"\b(uptime|freeram|sharedram|bufferram|freeswap|procs|f_bfree|f_bavail|f_ffree)=\d+|\b(loads)=\[\d+, \d+, \d+\]")
MAPS_RANGE_RE = re.compile(r"\b[0-9a-f]{8,16}-[0-9a-f]{8,16}\b")
# `-n` puts the syscall number first: "[ 318] getrandom(...".
GETRANDOM_RE = re.compile(r'^((?:\[ *\d+\] )?getrandom\()"((?:[^"\\]|\\.)*)"')
# -e raw=all prints set_tid_address's result (the thread id) in hex, out of the pid mapping's reach.
SET_TID_HEX_RE = re.compile(r"^((?:\[ *\d+\] )?set_tid_address\(.*\) += )(0x[0-9a-f]+)$")
PORT_RE = re.compile(r"htons\((\d+)\)")
DECOR_PORT_RE = re.compile(r"(\d+\.\d+\.\d+\.\d+|\]):(\d+)(?=[\]\-,>])")
EPHEMERAL = range(32768, 61000)
ACOLUMN = 40


@dataclass
class Trace:
    """One tracer's output: per-process normalised lines, keyed by a process name stable across runs."""

    lines: dict = field(default_factory=dict)  # name -> [str]
    order: list = field(default_factory=list)  # names in order of first line
    merged_pairs: int = 0  # unfinished/resumed pairs joined into one line
    unparsed: list = field(default_factory=list)  # lines that are not "PID text"

    def total(self):
        return sum(len(v) for v in self.lines.values())


def syscall_name(text):
    m = re.match(r"^([A-Za-z0-9_]+)\(", text)
    return m.group(1) if m else None


def split_return(text):
    """(call, ret) around the last `) = `, or (text, None) for lines without a return value."""
    last = None
    for m in RET_SEP_RE.finditer(text):
        last = m
    if last is None:
        return text, None
    return text[: last.start() + 1], text[last.end() - 2 :]


def padding_ok(physical_line):
    """strace writes `) `, then pads to column 40 (the pid prefix counts), then `= `."""
    last = None
    for m in RET_SEP_RE.finditer(physical_line):
        last = m
    if last is None:
        return True
    before = last.start() + 1  # the column just after ')'
    eq_col = last.end() - 2
    return eq_col == max(before + 1, ACOLUMN)


def _parse(raw_lines, trace):
    """Join unfinished/resumed halves (their split point depends only on timing) and keep per-pid order."""
    per_pid = {}
    pid_order = []
    pending = {}  # pid -> index of the unfinished line in per_pid[pid]
    for raw in raw_lines:
        raw = raw.rstrip("\n")
        if not raw or raw.startswith(("strace: ", "etrace: ")):
            continue
        m = LINE_RE.match(raw)
        if not m:
            trace.unparsed.append(raw)
            continue
        pid, text = int(m.group(1)), m.group(3)
        if pid not in per_pid:
            per_pid[pid] = []
            pid_order.append(pid)
        lst = per_pid[pid]
        bad_pad = not padding_ok(raw)
        rm = RESUMED_RE.match(text)
        if rm and pid in pending:
            idx = pending.pop(pid)
            head, _ = lst[idx]
            lst[idx] = (head[: -len(UNFINISHED)] + rm.group(2), bad_pad)
            trace.merged_pairs += 1
            continue
        if text.endswith(UNFINISHED):
            pending[pid] = len(lst)
        lst.append((text, bad_pad))
    return per_pid, pid_order


def _name_processes(per_pid, pid_order):
    """Name each pid by its place in the process tree: P1, its children P1.1, P1.2, ... in the order of
    the parent's successful clone/fork calls. Unlike numbering by first appearance, this does not depend
    on how the two tracers interleave lines of concurrent processes."""
    children = {}
    for pid in pid_order:
        for text, _ in per_pid[pid]:
            if syscall_name(text) in CLONE_NAMES:
                _, ret = split_return(text)
                if ret:
                    rm = re.match(r"= (\d+)", ret)
                    if rm and int(rm.group(1)) in per_pid:
                        children.setdefault(pid, []).append(int(rm.group(1)))
    names = {}
    if pid_order:
        stack = [(pid_order[0], "P1")]
        while stack:
            pid, name = stack.pop()
            if pid in names:
                continue
            names[pid] = name
            for k, child in enumerate(children.get(pid, []), 1):
                stack.append((child, f"{name}.{k}"))
    orphan = 0
    for pid in pid_order:
        if pid not in names:
            orphan += 1
            names[pid] = f"Q{orphan}"
    return names


def _shape_of_random(body):
    # The bytes are random; how they are escaped (hex or octal/printable) is format and stays compared.
    return "RANDOM-HEX" if re.fullmatch(r"(\\x[0-9a-f]{2})*", body) else "RANDOM-MIXED"


def normalise_text(text, names):
    def pid_sub(m):
        n = int(m.group(0))
        return names.get(n, m.group(0))

    text = ADDR_RE.sub("0xADDR", text)
    text = GETRANDOM_RE.sub(lambda m: f'{m.group(1)}"{_shape_of_random(m.group(2))}"', text)
    text = TIME_FIELD_RE.sub(lambda m: f"{m.group(1)}=T", text)
    text = DATE_COMMENT_RE.sub("/* DATE */", text)
    text = INODE_FIELD_RE.sub(lambda m: f"{m.group(1)}=INO", text)
    text = INODE_DECOR_RE.sub(lambda m: f"{m.group(1)}INO", text)
    text = RUSAGE_TIME_RE.sub(lambda m: f"{m.group(1)}=T", text)
    text = LEFT_TIME_RE.sub(lambda m: "left {tv_sec=T, tv_%ssec=T}" % m.group(1), text)
    text = MACHINE_STATE_RE.sub(lambda m: f"{m.group(1) or m.group(2)}=N", text)
    text = MAPS_RANGE_RE.sub("ADDR-ADDR", text)
    text = PORT_RE.sub(lambda m: "htons(EPHEMERAL)" if int(m.group(1)) in EPHEMERAL else m.group(0), text)
    text = DECOR_PORT_RE.sub(
        lambda m: f"{m.group(1)}:EPHEMERAL" if int(m.group(2)) in EPHEMERAL else m.group(0), text)
    text = SET_TID_HEX_RE.sub(lambda m: m.group(1) + str(int(m.group(2), 16)), text)
    text = NUMBER_RE.sub(pid_sub, text)
    if text.startswith("getppid()"):
        call, ret = split_return(text)
        if ret and not re.match(r"= P\d", ret):
            text = call + " = PPID"
    call, ret = split_return(text)
    if ret is not None:
        text = f"{call} {ret}"  # padding was checked on the physical line; see padding_ok
    return text


def load(path):
    trace = Trace()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        per_pid, pid_order = _parse(f, trace)
    names = _name_processes(per_pid, pid_order)
    for pid in pid_order:
        name = names[pid]
        trace.order.append(name)
        out = []
        for text, bad_pad in per_pid[pid]:
            line = normalise_text(text, names)
            if bad_pad:
                line += "   [padding differs from strace's column rule]"
            out.append(line)
        trace.lines[name] = out
    return trace
