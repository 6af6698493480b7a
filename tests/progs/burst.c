/* N getppid() calls as fast as possible: with a tiny ring buffer, etrace must lose some and
 * say so. Prints the number of calls made. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200000;
	for (long i = 0; i < n; i++)
		getppid();
	printf("%ld\n", n);
	return 0;
}
