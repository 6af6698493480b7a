/* Signals that never reach the tracee as themselves, which strace still shows:
 *   pipe-ignored   SIGPIPE ignored, a write to a pipe nobody reads (sent with no siginfo)
 *   alarm-ignored  SIGALRM ignored, from an itimer (sent by the kernel: SI_KERNEL)
 *   term-self      SIGTERM to itself with the default action (the fatal shortcut)
 *   term-child     SIGTERM to a sleeping child, then SIGCONT while it dies (dropped: no line)
 *   kill-self      SIGKILL to itself: kill() never returns ("= ?")
 *   kill-child     SIGKILL to a child asleep in nanosleep: the sleep never returns */
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "pipe-ignored")) {
		int p[2];
		signal(SIGPIPE, SIG_IGN);
		if (pipe(p) != 0)
			return 1;
		close(p[0]);
		return write(p[1], "x", 1) == -1 ? 0 : 1;
	}
	if (!strcmp(mode, "alarm-ignored")) {
		struct itimerval it = {{0, 0}, {0, 10000}};
		struct timespec ts = {0, 100000000};
		signal(SIGALRM, SIG_IGN);
		setitimer(ITIMER_REAL, &it, NULL);
		nanosleep(&ts, NULL);
		return 0;
	}
	if (!strcmp(mode, "term-self"))
		return kill(getpid(), SIGTERM);
	if (!strcmp(mode, "kill-self"))
		return kill(getpid(), SIGKILL);
	if (!strcmp(mode, "term-child") || !strcmp(mode, "kill-child")) {
		int sig = !strcmp(mode, "kill-child") ? SIGKILL : SIGTERM;
		pid_t child = fork();
		if (child == 0) {
			struct timespec ts = {5, 0};
			nanosleep(&ts, NULL);
			_exit(0);
		}
		struct timespec settle = {0, 100000000};
		nanosleep(&settle, NULL); /* the child is asleep in nanosleep */
		kill(child, sig);
		if (sig == SIGTERM)
			kill(child, SIGCONT);
		int st;
		waitpid(child, &st, 0);
		return 0;
	}
	return 2;
}
