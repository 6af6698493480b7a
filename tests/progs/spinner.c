/* Calls getppid() without pause until killed: a trace that fills any reader that stops
 * reading. With an argument it also writes that text to stdout once per call (like yes). */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *text = argc > 1 ? argv[1] : NULL;
	size_t len = text ? strlen(text) : 0;
	for (;;) {
		getppid();
		if (text && write(1, text, len) < 0)
			return 1;
	}
}
