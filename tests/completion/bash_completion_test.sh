#!/bin/bash
# The bash completion against a real etrace: each command line, completed at its end as bash
# would (the words split at spaces, "=" and ":", as COMP_WORDBREAKS does), must offer the
# candidates listed. Usage: bash_completion_test.sh ETRACE COMPLETION_FILE
set -u
shopt -s extglob
etrace=$1
source "$2"
compopt() { :; }  # only valid inside a real completion

complete_line() {
  local line=$1 w
  COMP_LINE=$line COMP_POINT=${#line} COMP_WORDS=() COMPREPLY=()
  local -a ws
  read -ra ws <<<"$line"
  for w in "${ws[@]}"; do
    while [[ $w =~ ^([^=:]*)([=:])(.*)$ ]]; do
      [[ -n ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
      COMP_WORDS+=("${BASH_REMATCH[2]}")
      w=${BASH_REMATCH[3]}
    done
    [[ -n $w ]] && COMP_WORDS+=("$w")
  done
  [[ $line == *[\ =:] ]] && COMP_WORDS+=("")
  COMP_WORDS[0]=$etrace
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _etrace
}

failures=0
# expect LINE CANDIDATE...: every candidate must be offered.
expect() {
  local line=$1 c; shift
  complete_line "$line"
  for c in "$@"; do
    if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$c"; then
      echo "FAIL: '$line' does not offer '$c' (offers: ${COMPREPLY[*]:0:12})"
      failures=$((failures + 1))
    fi
  done
}
# expect_none LINE CANDIDATE...: none of these may be offered.
expect_none() {
  local line=$1 c; shift
  complete_line "$line"
  for c in "$@"; do
    if printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$c"; then
      echo "FAIL: '$line' offers '$c'"
      failures=$((failures + 1))
    fi
  done
}

expect "etrace --sys" --system-wide --syscall-limit
expect "etrace -" -f -p -e -o --json --comm --list-syscalls
expect "etrace -e tr" trace=
expect "etrace -e trace=opena" openat
expect "etrace -e trace=open,clo" open,close
expect "etrace -e trace=%net" %network
expect "etrace -e trace=!exe" '!execve'
expect "etrace --trace=stat" statx
expect_none "etrace -e trace=opena" open
expect "etrace -p $$" "$$"
expect "etrace --exclude-pid $$" "$$"
expect "etrace --comm $(cat /proc/$$/comm)" "$(cat /proc/$$/comm)"
expect "etrace --comm=$(cat /proc/$$/comm)" "$(cat /proc/$$/comm)"  # bash keeps "--comm=" apart
expect "etrace -S ca" calls
expect "etrace -X r" raw
[ "$failures" = 0 ] && echo "bash completion: all candidates offered"
exit $((failures > 0))
