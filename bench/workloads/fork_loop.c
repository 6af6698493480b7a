/* N x (fork, child execve("/bin/true"), parent wait4): process creation and exec, the
 * path a tracer must follow (-f) without missing the child's first calls. "calls"
 * counts the execve calls of the children. */
#include "bench_common.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 1000);
	char *const child_argv[] = {"/bin/true", NULL};
	char *const child_envp[] = {NULL};
	long long start = bench_now_ns();
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			execve("/bin/true", child_argv, child_envp);
			_exit(127);
		}
		int status;
		if (wait4(pid, &status, 0, NULL) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return 1;
	}
	long long ns = bench_now_ns() - start;
	bench_report(n, ns);
	return 0;
}
