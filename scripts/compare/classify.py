"""Group differing line pairs into kinds a decoder author can act on: which syscall, which argument,
and what shape each side has (struct vs pointer, fd with or without its <path>, ...)."""
import re

from normalise import split_return, syscall_name


def label(line):
    """What a line is about: its syscall, `--- SIGNAME` or `+++ exited|killed`."""
    if line.startswith("--- "):
        return " ".join(line.split()[:2])
    if line.startswith("+++ "):
        return " ".join(line.split()[:2])
    return syscall_name(line) or line[:20]


def split_args(call):
    """Top-level arguments of `name(a, b, {c, d})`, honouring quotes, brackets and braces."""
    open_at = call.find("(")
    if open_at < 0 or not call.endswith(")"):
        return None
    body = call[open_at + 1 : -1]
    args, depth, cur, i, quote = [], 0, [], 0, False
    while i < len(body):
        ch = body[i]
        if quote:
            cur.append(ch)
            if ch == "\\" and i + 1 < len(body):
                cur.append(body[i + 1])
                i += 1
            elif ch == '"':
                quote = False
        elif ch == '"':
            quote = True
            cur.append(ch)
        elif ch in "([{":
            depth += 1
            cur.append(ch)
        elif ch in ")]}":
            depth -= 1
            cur.append(ch)
        elif ch == "," and depth == 0 and body[i + 1 : i + 2] == " ":
            args.append("".join(cur))
            cur = []
            i += 1
        else:
            cur.append(ch)
        i += 1
    if cur or args:
        args.append("".join(cur))
    return args


def shape(value):
    """A coarse description of how an argument is printed."""
    v = value.strip()
    if re.fullmatch(r"\d+<.*>", v):
        return "fd<decoration>"
    if v.startswith("{") or re.match(r"^\[\{", v):
        return "struct"
    if v.startswith("["):
        return "array/set"
    if v.startswith('"'):
        return "string..." if v.endswith("...") else "string"
    if v == "0xADDR" or re.fullmatch(r"0x[0-9a-f]+", v):
        return "pointer/hex"
    if v == "NULL":
        return "NULL"
    if re.fullmatch(r"-?\d+", v):
        return "number"
    if re.fullmatch(r"[A-Z0-9_]+(\|[A-Z0-9_]+|\|0[0-7]*|\|0x[0-9a-f]+)*", v):
        return "symbol"
    return "other"


def classify_pair(s_line, e_line):
    """Kinds for one strace/etrace pair of lines of the same process (aligned by the sequence matcher)."""
    if s_line.startswith(("---", "+++")) or e_line.startswith(("---", "+++")):
        if label(s_line) != label(e_line):
            return [("different line at this position", f"{label(s_line)} vs {label(e_line)}")]
        return [(f"{label(s_line)} line: contents differ", "")]
    s_name, e_name = syscall_name(s_line), syscall_name(e_line)
    if s_name is None or e_name is None:
        return [("unparsed line differs", "")]
    if s_name != e_name:
        return [("different syscall at this position", f"{s_name} vs {e_name}")]
    s_call, s_ret = split_return(s_line)
    e_call, e_ret = split_return(e_line)
    kinds = []
    s_args, e_args = split_args(s_call), split_args(e_call)
    if s_args is None or e_args is None:
        kinds.append((f"{s_name}: unparsable arguments", ""))
    elif len(s_args) != len(e_args):
        kinds.append((f"{s_name}: argument count {len(s_args)} vs {len(e_args)}", ""))
    else:
        for i, (a, b) in enumerate(zip(s_args, e_args), 1):
            if a != b:
                kinds.append((f"{s_name} arg {i}: {shape(a)} vs {shape(b)}", ""))
    if (s_ret or "") != (e_ret or ""):
        s_kind = "error" if s_ret and s_ret.startswith("= -1 ") else "value"
        e_kind = "error" if e_ret and e_ret.startswith("= -1 ") else "value"
        kinds.append((f"{s_name} return: {s_kind} vs {e_kind}", ""))
    if "[padding differs" in e_line and "[padding differs" not in s_line:
        kinds.append(("return value column (padding)", ""))
    return kinds or [("whitespace or other", "")]
