# Pipes and redirections in a shell: a pipeline into a file, a here-string, fd duplication, a subshell.
ls fixture | wc -l > out-count.txt
cat < fixture/a.txt | tr a-z A-Z >> out-upper.txt 2>/dev/null
(echo one; echo two) | sort -r > /dev/null
exec 3> out-fd3.txt
echo "to fd 3" >&3
exec 3>&-
grep -c line fixture/a.txt 2>&1 > /dev/null || true
