/* Exits with the status given, or kills itself with the signal given as -N. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int v = argc > 1 ? atoi(argv[1]) : 0;
	if (v < 0)
		kill(getpid(), -v);
	return v;
}
