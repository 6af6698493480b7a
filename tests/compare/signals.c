/* Signals: a handler for SIGUSR1 raised with kill() on itself, a blocked SIGUSR2 pending then unblocked,
 * SIGALRM from setitimer interrupting pause(), an ignored signal, and SIGCHLD from a child. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t hits;

static void on_signal(int sig)
{
	(void)sig;
	hits++;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_flags = 0;
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	kill(getpid(), SIGUSR1);

	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR2);
	sigset_t pending;
	sigpending(&pending);
	sigprocmask(SIG_SETMASK, &old, NULL);

	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	pause();

	pid_t p = fork();
	if (p == 0) {
		struct timespec ts = {0, 20000000};
		nanosleep(&ts, NULL);
		_exit(7);
	}
	int status;
	while (waitpid(p, &status, 0) < 0)
		;
	kill(getpid(), SIGPIPE);
	return hits == 4 ? 0 : 1;
}
