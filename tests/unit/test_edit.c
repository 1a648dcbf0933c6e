#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suivi/edit.h"

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"));
}

TestSuite(edit, .init = utf8_locale);

static struct edit ed;
static struct err e;

static void put(const char *s)
{
	cr_assert_geq(edit_insert(&ed, s, strlen(s), &e), 0, "%s", e.msg);
}

Test(edit, inserts_at_the_caret_and_moves_it_after)
{
	edit_init(&ed, TEXT_LINE, "abef");
	edit_left(&ed);
	edit_left(&ed);
	put("cd");
	cr_assert_str_eq(edit_text(&ed), "abcdef");
	cr_assert_eq(ed.caret, 4);
	edit_home(&ed);
	put(">");
	edit_end(&ed);
	put("<");
	cr_assert_str_eq(edit_text(&ed), ">abcdef<");
	edit_release(&ed);
}

Test(edit, every_printable_ascii_character_is_text)
{
	char all[96];

	for (int c = 0x20; c < 0x7F; c++)
		all[c - 0x20] = (char)c;
	all[95] = '\0';
	edit_init(&ed, TEXT_LINE, NULL);
	for (int c = 0x20; c < 0x7F; c++)
		cr_assert_eq(edit_insert_cp(&ed, (unsigned long)c, &e), 0);
	cr_assert_str_eq(edit_text(&ed), all);
	edit_release(&ed);
}

Test(edit, backspace_and_delete_in_the_middle)
{
	edit_init(&ed, TEXT_LINE, "abcdef");
	edit_left(&ed);
	edit_left(&ed);
	cr_assert(edit_backspace(&ed));
	cr_assert_str_eq(edit_text(&ed), "abcef");
	cr_assert(edit_delete(&ed));
	cr_assert_str_eq(edit_text(&ed), "abcf");
	cr_assert_eq(ed.caret, 3);
	edit_top(&ed);
	cr_assert_not(edit_backspace(&ed));
	edit_bottom(&ed);
	cr_assert_not(edit_delete(&ed));
	edit_release(&ed);
}

Test(edit, accented_wide_and_combining_characters_move_and_erase_as_one)
{
	/* é precomposed, e + combining acute, a wide 日, a flag (two
	 * regional indicators), a thumb with a skin tone, a family joined
	 * by zero-width joiners */
	const char *parts[] = { "é", "e\xCC\x81", "日", "🇫🇷", "👍🏽", "👨‍👩‍👧", "x" };
	char all[128] = "";

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		strcat(all, parts[i]);
	edit_init(&ed, TEXT_LINE, all);
	for (size_t i = sizeof parts / sizeof parts[0]; i-- > 0;) {
		size_t before = ed.caret;

		cr_assert(edit_left(&ed));
		cr_assert_eq(before - ed.caret, strlen(parts[i]),
			     "part %zu: moved %zu bytes", i, before - ed.caret);
	}
	cr_assert_eq(ed.caret, 0);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size_t before = ed.caret;

		cr_assert(edit_right(&ed));
		cr_assert_eq(ed.caret - before, strlen(parts[i]));
	}
	/* backspace takes each whole */
	for (size_t i = sizeof parts / sizeof parts[0]; i-- > 0;) {
		size_t before = ed.len;

		cr_assert(edit_backspace(&ed));
		cr_assert_eq(before - ed.len, strlen(parts[i]));
	}
	cr_assert_str_eq(edit_text(&ed), "");
	/* delete too */
	edit_set(&ed, all);
	edit_top(&ed);
	cr_assert(edit_delete(&ed));
	cr_assert(edit_delete(&ed));
	cr_assert_str_eq(edit_text(&ed), all + strlen("é") + strlen("e\xCC\x81"));
	edit_release(&ed);
}

Test(edit, two_flags_in_a_row_are_two_characters)
{
	edit_init(&ed, TEXT_LINE, "🇫🇷🇧🇪");
	cr_assert(edit_left(&ed));
	cr_assert_eq(ed.caret, strlen("🇫🇷"));
	cr_assert(edit_left(&ed));
	cr_assert_eq(ed.caret, 0);
	edit_release(&ed);
}

Test(edit, word_moves_and_ctrl_w)
{
	edit_init(&ed, TEXT_LINE, "réunion du comité, lundi");
	cr_assert(edit_word_left(&ed));
	cr_assert_str_eq(edit_text(&ed) + ed.caret, "lundi");
	cr_assert(edit_word_left(&ed));
	cr_assert_str_eq(edit_text(&ed) + ed.caret, "comité, lundi");
	cr_assert(edit_word_right(&ed));
	cr_assert_str_eq(edit_text(&ed) + ed.caret, ", lundi");
	edit_bottom(&ed);
	cr_assert(edit_kill_word(&ed));
	cr_assert_str_eq(edit_text(&ed), "réunion du comité, ");
	cr_assert(edit_kill_word(&ed));
	cr_assert_str_eq(edit_text(&ed), "réunion du ");
	edit_top(&ed);
	cr_assert_not(edit_word_left(&ed));
	edit_release(&ed);
}

Test(edit, ctrl_u_and_ctrl_k_cut_to_the_line_ends)
{
	edit_init(&ed, TEXT_LONG, "un\ndeux trois\nquatre");
	edit_top(&ed);
	for (int i = 0; i < 7; i++)
		edit_right(&ed);	/* "un\ndeux" | " trois" */
	cr_assert(edit_kill_home(&ed));
	cr_assert_str_eq(edit_text(&ed), "un\n trois\nquatre");
	cr_assert(edit_kill_end(&ed));
	cr_assert_str_eq(edit_text(&ed), "un\n\nquatre");
	/* at an end of line, Ctrl-K joins the next line */
	cr_assert(edit_kill_end(&ed));
	cr_assert_str_eq(edit_text(&ed), "un\nquatre");
	edit_release(&ed);
}

Test(edit, controls_are_refused_when_typed_and_left_out_of_a_paste)
{
	const char paste[] = "a\x1b[31mb\x07" "c\xc2\x85" "d";

	edit_init(&ed, TEXT_LONG, NULL);
	cr_assert_eq(edit_insert_cp(&ed, 0x1b, &e), -1);
	cr_assert(strstr(e.msg, "contrôle"));
	cr_assert_eq(edit_insert_cp(&ed, 0x85, &e), -1);
	cr_assert_eq(edit_insert(&ed, paste, strlen(paste), &e), 1);
	cr_assert_str_eq(edit_text(&ed), "a[31mbcd");
	cr_assert(strstr(e.msg, "3 caractères de contrôle ôtés"), "%s", e.msg);
	edit_release(&ed);
}

Test(edit, line_breaks_in_long_texts_spaces_in_one_line_ones)
{
	edit_init(&ed, TEXT_LONG, NULL);
	cr_assert_eq(edit_insert(&ed, "a\r\nb\rc\nd\te", 10, &e), 0);
	cr_assert_str_eq(edit_text(&ed), "a\nb\nc\nd\te");
	cr_assert_eq(edit_insert_cp(&ed, '\n', &e), 0);
	edit_release(&ed);
	edit_init(&ed, TEXT_LINE, NULL);
	cr_assert_eq(edit_insert(&ed, "a\r\nb\tc", 6, &e), 1);
	cr_assert_str_eq(edit_text(&ed), "a b c");
	cr_assert_eq(edit_insert_cp(&ed, '\n', &e), -1);
	cr_assert_str_eq(edit_text(&ed), "a b c");
	edit_release(&ed);
}

Test(edit, invalid_utf8_is_refused_whole)
{
	edit_init(&ed, TEXT_LINE, "ok");
	cr_assert_eq(edit_insert(&ed, "a\xff" "b", 3, &e), -1);
	cr_assert(strstr(e.msg, "UTF-8"));
	cr_assert_str_eq(edit_text(&ed), "ok");
	edit_release(&ed);
}

Test(edit, the_limit_refuses_with_a_message_and_keeps_the_text)
{
	char *big = malloc(TEXT_LINE_MAX + 1);

	memset(big, 'a', TEXT_LINE_MAX - 1);
	big[TEXT_LINE_MAX - 1] = '\0';
	edit_init(&ed, TEXT_LINE, big);
	cr_assert_eq(edit_insert_cp(&ed, 'b', &e), 0);
	cr_assert_eq(ed.len, TEXT_LINE_MAX);
	cr_assert_eq(edit_insert_cp(&ed, 'c', &e), -1);
	cr_assert(strstr(e.msg, "Limite du champ atteinte (1 000 octets"), "%s",
		  e.msg);
	cr_assert_eq(ed.len, TEXT_LINE_MAX);
	cr_assert_eq(edit_text(&ed)[TEXT_LINE_MAX - 1], 'b');
	/* a two-byte character does not fit in the last byte either */
	edit_backspace(&ed);
	cr_assert_eq(edit_insert(&ed, "é", 2, &e), -1);
	cr_assert_eq(ed.len, TEXT_LINE_MAX - 1);
	/* a paste too long is refused whole, and says by how much */
	edit_set(&ed, "");
	memset(big, 'x', TEXT_LINE_MAX);
	big[TEXT_LINE_MAX] = '\0';
	cr_assert_eq(edit_insert(&ed, big, TEXT_LINE_MAX, &e), 0);
	edit_set(&ed, "abc");
	cr_assert_eq(edit_insert(&ed, big, TEXT_LINE_MAX, &e), -1);
	cr_assert(strstr(e.msg, "3 de trop"), "%s", e.msg);
	cr_assert_str_eq(edit_text(&ed), "abc");
	free(big);
	edit_release(&ed);
}

Test(edit, long_texts_take_a_mebibyte_pasted_in_one_go_quickly)
{
	size_t n = TEXT_LONG_MAX;
	char *big = malloc(n);
	struct timespec t0, t1;
	double ms;

	for (size_t i = 0; i + 1 < n; i += 2)
		memcpy(big + i, "é", 2);
	edit_init(&ed, TEXT_LONG, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(edit_insert(&ed, big, n, &e), 0, "%s", e.msg);
	{
		const struct edit_row *rows;
		size_t row;
		int col;
		size_t nr = edit_layout(&ed, 80, false, &rows, &row, &col);

		cr_assert_gt(nr, 1000);
		cr_assert_eq(row, nr - 1);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	     (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	/* the time is checked where it means something: not under
	 * valgrind (SUIVI_TEST_SLOW, set by valgrind.sh), 30 to 50 times
	 * slower and at the mercy of the machine's load */
	if (!getenv("SUIVI_TEST_SLOW"))
		cr_assert_lt(ms, 1000.0, "1 Mio inserted and laid out in %.0f ms",
			     ms);
	cr_assert_eq(ed.len, n);
	cr_assert_eq(edit_insert_cp(&ed, 'x', &e), -1);
	free(big);
	edit_release(&ed);
}

Test(edit, wraps_after_spaces_and_at_line_breaks)
{
	const struct edit_row *rows;
	size_t row, n;
	int col;

	edit_init(&ed, TEXT_LONG, "un deux trois\nquatre");
	/* 10 columns: 9 for text, one for the caret */
	n = edit_layout(&ed, 10, false, &rows, &row, &col);
	cr_assert_eq(n, 3);
	cr_assert_eq(rows[0].start, 0);
	cr_assert_eq(rows[0].end, 8);	/* "un deux " */
	cr_assert_eq(rows[1].start, 8);
	cr_assert_eq(rows[1].end, 13);	/* "trois" */
	cr_assert_eq(rows[2].start, 14);
	cr_assert_eq(row, 2);
	cr_assert_eq(col, 6);
	/* a word longer than the row is cut between characters */
	edit_set(&ed, "abcdefghijklmnop");
	n = edit_layout(&ed, 6, false, &rows, &row, &col);
	cr_assert_eq(n, 4);
	cr_assert_eq(rows[0].end, 5);
	/* a text ending with a line break has an empty last row, where the
	 * caret is */
	edit_set(&ed, "ab\n");
	n = edit_layout(&ed, 10, false, &rows, &row, &col);
	cr_assert_eq(n, 2);
	cr_assert_eq(row, 1);
	cr_assert_eq(col, 0);
	edit_set(&ed, "");
	n = edit_layout(&ed, 10, false, &rows, &row, &col);
	cr_assert_eq(n, 1);
	edit_release(&ed);
}

Test(edit, wide_characters_are_never_split_across_rows)
{
	const struct edit_row *rows;
	size_t n;

	edit_init(&ed, TEXT_LONG, "日本語日本語");
	/* 5 columns of text: two wide characters per row */
	n = edit_layout(&ed, 6, false, &rows, NULL, NULL);
	cr_assert_eq(n, 3);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(rows[i].end - rows[i].start, 6);
	edit_release(&ed);
}

Test(edit, up_and_down_keep_the_column)
{
	edit_init(&ed, TEXT_LONG, "abcdef\nab\nabcdef");
	edit_bottom(&ed);	/* row 2, column 6 */
	cr_assert(edit_up(&ed, 40, false));
	cr_assert_eq(ed.caret, 9);	/* end of "ab" */
	cr_assert(edit_up(&ed, 40, false));
	cr_assert_eq(ed.caret, 6);	/* column 6 again */
	cr_assert_not(edit_up(&ed, 40, false));
	cr_assert(edit_down(&ed, 40, false));
	cr_assert(edit_down(&ed, 40, false));
	cr_assert_eq(ed.caret, ed.len);
	cr_assert_not(edit_down(&ed, 40, false));
	edit_release(&ed);
}

Test(edit, one_line_view_follows_the_caret_without_jumping)
{
	size_t first;
	int col;

	edit_init(&ed, TEXT_LINE, "0123456789abcdefghij");
	edit_view(&ed, 10, false, &first, &col);
	cr_assert_gt(first, 0);
	cr_assert_leq(col, 9);
	cr_assert_eq(first + (size_t)col, ed.len);
	/* moving left inside the view does not scroll */
	edit_left(&ed);
	{
		size_t f2;

		edit_view(&ed, 10, false, &f2, &col);
		cr_assert_eq(f2, first);
	}
	edit_home(&ed);
	edit_view(&ed, 10, false, &first, &col);
	cr_assert_eq(first, 0);
	cr_assert_eq(col, 0);
	edit_release(&ed);
}

Test(edit, own_limit_for_short_fields)
{
	edit_init_max(&ed, 4, false, NULL);
	put("2026");
	cr_assert_eq(edit_insert_cp(&ed, '1', &e), -1);
	cr_assert(strstr(e.msg, "4 octets"));
	edit_release(&ed);
	/* a limit of its own said as French writes numbers */
	edit_init_max(&ed, 2000, false, NULL);
	for (int i = 0; i < 2000; i++)
		cr_assert_eq(edit_insert_cp(&ed, 'x', &e), 0);
	cr_assert_eq(edit_insert_cp(&ed, 'y', &e), -1);
	cr_assert(strstr(e.msg, "(2 000 octets au plus)"), "%s", e.msg);
	edit_release(&ed);
}
