/*
 * floor.c - the least a curses program can do: start, draw one full
 * screen, wait for a key, end. tests/perf/startup.sh times it beside suivi
 * so the figure for suivi reads against what the terminal itself costs.
 */
#include <curses.h>
#include <locale.h>

int main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	for (int y = 0; y < LINES; y++)
		mvprintw(y, 0, "%-*s", COLS - 1, y == LINES - 1 ? "floor ready" : "x");
	refresh();
	getch();
	endwin();
	return 0;
}
