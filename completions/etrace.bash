# bash completion for etrace: options (from `etrace --help`), syscall names and %classes after
# -e trace= (from `etrace --list-syscalls`), pids after -p, command names after --comm, and
# the traced command's own completion after it.

# Prints the options etrace's help lists, one a line: the option column, and the long
# spellings its text names (--trace=SET as --trace=).
_etrace_options() {
    "$1" --help 2>/dev/null | awk '
        /^  -/ { n = split($1, f, ","); for (i = 1; i <= n; i++) if (f[i] ~ /^-/) print f[i] }
        { while (match($0, /--[a-z][a-z-]*[a-z](\[?=)?/)) {
              o = substr($0, RSTART, RLENGTH); sub(/\[=$/, "", o); print o
              $0 = substr($0, RSTART + RLENGTH) } }' | sort -u
}

_etrace_pids() { (cd /proc 2>/dev/null && compgen -G '[0-9]*'); }
_etrace_comms() { cat /proc/[0-9]*/comm 2>/dev/null | sort -u; }

# Completes the word $1 as candidates $2.. would, keeping what bash split off before it (":" and
# "=" are word breaks): $full is the whole word as typed.
_etrace_reply() {
    local full=$1 word=$2; shift 2
    local strip=$(( ${#full} - ${#word} )) c
    COMPREPLY=()
    while IFS= read -r c; do COMPREPLY+=("${c:strip}"); done < <(compgen -W "$*" -- "$full")
}

_etrace() {
    local cur=${COMP_WORDS[COMP_CWORD]} etrace=${COMP_WORDS[0]}
    # The whole word under the cursor, across the breaks bash makes at "=" and ":".
    local line=${COMP_LINE:0:COMP_POINT}
    local full=${line##*[[:space:]]}
    local prev_word i w
    # Where the traced command starts: the first word that is neither an option nor an option's value.
    for (( i = 1; i < COMP_CWORD; i++ )); do
        w=${COMP_WORDS[i]}
        case $w in
            --) (( i++ )); break ;;
            =|:) ;;
            --comm|--cgroup|--buffer-size|--syscall-limit|--rate-limit|--exclude-comm|--exclude-pid|--nice|\
            --output|--string-limit|--attach|--trace-path|--user|--env|--summary-sort-by|--summary-columns|\
            --columns|--interruptible)
                [[ ${COMP_WORDS[i+1]} == = ]] && (( i++ )); (( i++ )) ;;
            --*) [[ ${COMP_WORDS[i+1]} == = ]] && (( i += 2 )) ;;
            -*) [[ $w =~ [peosaSUPuEbIOX]$ ]] && (( i++ )) ;;
            *) [[ ${COMP_WORDS[i-1]} == = ]] || break ;;
        esac
    done
    if (( i < COMP_CWORD )); then
        if declare -F _command_offset >/dev/null; then _command_offset "$i"; else
            mapfile -t COMPREPLY < <(compgen -c -- "$cur"); fi
        return
    fi
    prev_word=${line%"$full"}; prev_word=${prev_word%%+([[:space:]])}; prev_word=${prev_word##*[[:space:]]}
    case $prev_word in
        -p|--attach|--exclude-pid) _etrace_reply "$full" "$cur" "$(_etrace_pids)"; return ;;
        --comm|--exclude-comm) _etrace_reply "$full" "$cur" "$(_etrace_comms)"; return ;;
        -o|--output|-P|--trace-path)
            compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
        --cgroup) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
        -u|--user) mapfile -t COMPREPLY < <(compgen -u -- "$cur"); return ;;
        -E|--env) mapfile -t COMPREPLY < <(compgen -v -- "$cur"); return ;;
        -X) _etrace_reply "$full" "$cur" "abbrev raw verbose"; return ;;
        -I|--interruptible) _etrace_reply "$full" "$cur" "1 2 3 4 anywhere waiting never never_tstp"; return ;;
        -S|--summary-sort-by)
            _etrace_reply "$full" "$cur" "time min-time max-time avg-time calls errors name nothing"; return ;;
        -U|--summary-columns)
            _etrace_reply "$full" "$cur" "time-percent total-time min-time max-time avg-time calls errors name"; return ;;
        -s|--string-limit|-a|--columns|--buffer-size|--syscall-limit|--rate-limit|--nice) return ;;
    esac
    # --attach=PID, --comm=NAME, ...: the value after "=".
    if [[ $full == --*=* && $full != --trace=* ]]; then
        local opt=${full%%=*} values="" v
        case $opt in
            --attach|--exclude-pid) values=$(_etrace_pids) ;;
            --comm|--exclude-comm) values=$(_etrace_comms) ;;
        esac
        local -a prefixed=()
        for v in $values; do prefixed+=("$opt=$v"); done
        _etrace_reply "$full" "$cur" "${prefixed[*]}"
        return
    fi
    # trace= sets: after -e, or in --trace=; each name of a comma list, with an optional "!".
    local set_prefix=
    if [[ $prev_word == -e && $full == trace=* ]]; then set_prefix=${full%%=*}=
    elif [[ $prev_word == -e && $full != *=* ]]; then set_prefix=
    elif [[ $full == --trace=* ]]; then set_prefix=--trace=
    fi
    if [[ $prev_word == -e || $full == --trace=* ]]; then
        if [[ $prev_word == -e && $full != *=* && $full != *,* ]]; then
            local quals="trace= status= signal= quiet= read= write= verbose= abbrev= raw= trace-fds= decode-fds= decode-pids="
            compopt -o nospace 2>/dev/null
            _etrace_reply "$full" "$cur" "$quals $("$etrace" --list-syscalls 2>/dev/null)"
            return
        fi
        if [[ $full == ${set_prefix}* ]]; then
            local head=${full%"${full##*[,=]}"} names n
            names=$("$etrace" --list-syscalls 2>/dev/null)
            [[ ${full##*[,=]} == !* ]] && head+=! 
            local -a cands=()
            for n in $names; do cands+=("$head$n"); done
            _etrace_reply "$full" "$cur" "${cands[*]}"
            return
        fi
    fi
    if [[ $cur == -* || $full == -* ]]; then
        _etrace_reply "$full" "$cur" "$(_etrace_options "$etrace")"
        [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi
    mapfile -t COMPREPLY < <(compgen -c -- "$cur")
}

complete -F _etrace etrace
