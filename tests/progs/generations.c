/* Three generations: fork -> exec self -> fork -> exec self. Each generation marks itself with
 * access("/etrace-gen-N-PID") so a trace can be checked for every process's calls. Prints the
 * marker lines (pid and line) on stdout, one per generation, as "PID LINE". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int gen = argc > 1 ? atoi(argv[1]) : 1;
	char path[64];
	snprintf(path, sizeof(path), "/etrace-gen-%d-%d", gen, getpid());
	int r = access(path, 0);
	printf("%d access(\"%s\", F_OK) = %d ENOENT (No such file or directory)\n", getpid(), path, r);
	fflush(stdout);
	if (gen < 3) {
		pid_t pid = fork();
		if (pid == 0) {
			char next[16];
			snprintf(next, sizeof(next), "%d", gen + 1);
			execl("/proc/self/exe", argv[0], next, (char *)NULL);
			_exit(127);
		}
		int status;
		waitpid(pid, &status, 0);
	}
	return gen;
}
