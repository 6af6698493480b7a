# Sorts the failures that scripts/strace-suite.sh lists ("TEST<tab>-expected | +etrace", or the
# harness's message) into causes, by where the first differing line of etrace's trace parts
# from strace's expectation, and counts them. Usage: awk -f strace-suite-causes.awk FAILURES
# Prints two tables, "COUNT<tab>CAUSE<tab>EXAMPLE TESTS" most frequent first: by the kind of
# difference, then by the call whose line differs first.
BEGIN { FS = "\t" }

function call_name(line,    m) {
  if (match(line, /^[-+]([0-9]+ +)?[a-z_0-9]+\(/)) {
    m = substr(line, RSTART + 1, RLENGTH - 2)
    sub(/^[0-9]+ +/, "", m)
    return m
  }
  if (line ~ /^[-+]\+\+\+ /) return "+++ exit line"
  if (line ~ /^[-+]--- SIG/) return "--- signal line"
  return ""
}

# The whole token (number, name, or the start of a struct) at position i of s.
function token_at(s, i,    j, k) {
  for (j = i; j > 1 && substr(s, j - 1, 1) ~ /[A-Za-z0-9_x-]/; j--) ;
  for (k = i; k <= length(s) && substr(s, k, 1) !~ /[,)} ]/; k++) ;
  return substr(s, j, k > j ? k - j : 1)
}

# What etrace printed where the expectation has something else, from the first differing token.
function difference(want, have,    i, n, tw, th) {
  n = length(want) < length(have) ? length(want) : length(have)
  for (i = 1; i <= n && substr(want, i, 1) == substr(have, i, 1); i++) ;
  tw = token_at(want, i)
  th = token_at(have, i)
  if (tw == "NULL" && th == "0") return "0 where strace shows NULL"
  if (th ~ /^0x[0-9a-f]+$/ && tw ~ /^[{["]/) return "a pointer where strace shows what it points to"
  if (th ~ /^(-?[0-9]{10,}|0x[0-9a-f]{9,}|0[0-7]{12,})$/ && tw !~ /^(-?[0-9]{10,}|0x[0-9a-f]{9,})$/)
    return "an int argument printed with the register's upper 32 bits"
  if (tw ~ /^[0-9]{10}$/ && th ~ /^-[0-9]+$/) return "an unsigned argument printed as signed"
  if (tw ~ /^[A-Z_][A-Z_0-9]*$/ && th ~ /^(-?[0-9]|_IOC)/) return "a number where strace shows a named constant"
  if (tw ~ /\?\?\?/ || th ~ /\?\?\?/) return "a constant or field strace names differently (???)"
  if (tw ~ /^[{[]/ || th ~ /^[{[]/) return "a structure or array decoded differently"
  if (tw ~ /^"/ || th ~ /^"/) return "a string shown differently"
  if (substr(want, i) ~ /^ *= / || substr(have, i) ~ /^ *= /) return "an argument missing or extra"
  if (have ~ /AT_FDCWD</) return "AT_FDCWD decorated with a path (-y), strace leaves it bare"
  if (substr(want, i, 1) == "<" || substr(have, i, 1) == "<") return "an fd decorated (-y) differently"
  return "an argument decoded differently"
}

{
  test = $1
  why = $2
  call = ""
  if (why ~ /timed out|time limit/) cause = "time limit: the test did not finish"
  else if (why ~ /^pattern not matched/) cause = "a grep pattern of the expectation not matched"
  else if (match(why, /\.\.\/[^ ]* failed with code [0-9]+/)) cause = "the test program failed under etrace"
  else if (match(why, /etrace .* failed with code [0-9]+/)) {
    cause = "etrace exited with code " substr(why, RSTART + RLENGTH - 1 - (why ~ /code [0-9][0-9]$/), 3)
    sub(/ +$/, "", cause)
  }
  else if (why ~ /output mismatch/) cause = "the output differs (no diff line found)"
  else if (split(why, parts, / \| /) == 2) {
    want = parts[1]
    have = parts[2]
    en = call_name(want)
    gn = call_name(have)
    if (have == "+(nothing)") { cause = "a line strace shows is missing"; call = en }
    else if (want == "-(nothing)") { cause = "an extra line"; call = gn }
    else if (en != "" && en == gn && en !~ /^(\+\+\+|---)/) { cause = difference(substr(want, 2), substr(have, 2)); call = en }
    else if (en != gn) { cause = "another line in the place of the expected one"; call = en }
    else { cause = "the output differs"; call = en }
  } else cause = "other: " why
  count[cause]++
  if (count[cause] <= 3) examples[cause] = examples[cause] (count[cause] > 1 ? " " : "") test
  if (call == "") call = "(no call)"
  per_call[call]++
  if (per_call[call] <= 3) call_examples[call] = call_examples[call] (per_call[call] > 1 ? " " : "") test
}

END {
  print "# by cause: count, cause, examples"
  for (c in count) printf "%d\t%s\t%s\n", count[c], c, examples[c] | "sort -t '\t' -k1,1nr"
  close("sort -t '\t' -k1,1nr")
  print "# by the call of the first differing line: count, call, examples"
  for (c in per_call) printf "%d\t%s\t%s\n", per_call[c], c, call_examples[c] | "sort -t '\t' -k1,1nr"
}
