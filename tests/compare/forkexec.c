/* Processes: fork+execve+wait4, a child that exits 3, one killed by SIGKILL, vfork+exec, waitid,
 * and a grandchild, each waited for in a fixed order. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	int status;
	pid_t p = fork();
	if (p == 0) {
		char *argv[] = {"/bin/true", "arg one", NULL};
		execve("/bin/true", argv, environ);
		_exit(127);
	}
	wait4(p, &status, 0, NULL);

	p = fork();
	if (p == 0)
		_exit(3);
	waitpid(p, &status, 0);

	p = fork();
	if (p == 0) {
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	waitpid(p, &status, 0);

	p = vfork();
	if (p == 0) {
		char *argv[] = {"echo", "from vfork", NULL};
		execve("/bin/echo", argv, environ);
		_exit(127);
	}
	siginfo_t si;
	waitid(P_PID, p, &si, WEXITED);

	p = fork();
	if (p == 0) {
		pid_t g = fork();
		if (g == 0)
			_exit(0);
		waitpid(g, &status, 0);
		_exit(0);
	}
	waitpid(p, &status, 0);

	p = fork();
	if (p == 0) {
		char *argv[] = {"/bin/does-not-exist", NULL};
		execve(argv[0], argv, environ);
		_exit(127);
	}
	waitpid(p, &status, 0);
	getpid();
	getppid();
	return WEXITSTATUS(status) == 127 ? 0 : 1;
}
