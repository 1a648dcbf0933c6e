/*
 * request.h - the rules of a request (saisine) that need no database:
 * its status from its dates, its delays, the words of its fields.
 *
 * Status follows from the dates (article 4 and the follow-up of the
 * délais): cancelled when cancelled_at is set; else close when the answer
 * was sent to the user (answered); else résolue when resolved / back in
 * service; else en cours when an intervention started; else prise en
 * compte when acknowledged; else nouvelle.
 */
#ifndef SUIVI_REQUEST_H
#define SUIVI_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "suivi/err.h"
#include "suivi/model.h"

enum request_status {
	REQ_NEW,
	REQ_ACKNOWLEDGED,
	REQ_IN_PROGRESS,
	REQ_RESOLVED,
	REQ_CLOSED,
	REQ_CANCELLED,
	REQ_STATUS_COUNT
};

enum request_form {
	FORM_LETTER, FORM_NOTE, FORM_EMAIL, FORM_PHONE, FORM_ORAL,
	FORM_SHARED_TOOL, FORM_COUNT
};

enum request_nature { NATURE_DEMAND, NATURE_INCIDENT, NATURE_COUNT };

/* db code / word in CSV files / label shown ("nouvelle", "courriel"…) */
extern const struct vocab request_status_vocab[REQ_STATUS_COUNT];
extern const struct vocab request_form_vocab[FORM_COUNT];
extern const struct vocab request_nature_vocab[NATURE_COUNT];

/* The dates of a request as stored ("AAAA-MM-JJTHH:MM" or NULL). */
struct request_dates {
	const char *received, *acknowledged, *intervention, *resolved,
		   *answered, *cancelled;
};

enum request_status request_status(const struct request_dates *d);

/* The delay from `from` to `to` (stored date-times): wall-clock hours
 * and working days (weekends and French public holidays excluded,
 * workdays.h). false when either is NULL or does not parse. */
bool request_delay(const char *from, const char *to, double *hours,
		   double *workdays);

/* Who the commune contacts for an exceptional request (article 4). */
extern const char request_exceptional_contact[];

/*
 * Article 4: an urgent request « impose aux responsables concernés des
 * services communs une priorité et un délai d'intervention spécifiques ».
 * The delay is kept in whole minutes, typed as hours the way value.h
 * reads a duration ("4", "4 h", "2h30", "1,5"): from one minute to
 * REQUEST_URGENT_DELAY_MAX_H hours. A delay that is not a whole number
 * of minutes ("1,51 h") is refused, never rounded.
 */
#define REQUEST_URGENT_DELAY_MAX_H 8760		/* a year */

/* 0 and *minutes, or -1 with a French message (ERR_INPUT) naming the
 * field ("délai d'intervention"), *minutes untouched. */
int request_urgent_delay_parse(const char *s, int *minutes, struct err *e);
/* "4 h" for whole hours, else "2h30", "0h20": what the parser reads back
 * to the same minutes. */
void request_urgent_delay_format(int minutes, char *buf, size_t n);

#endif
